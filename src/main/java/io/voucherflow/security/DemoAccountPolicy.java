package io.voucherflow.security;

/**
 * Recognises the demo accounts shipped in the demo realm. They carry fixed subjects under one
 * reserved UUID prefix, so a bank's own user that happens to be called "admin" is never mistaken
 * for the demo one.
 */
public final class DemoAccountPolicy {

  /** Subjects of the shipped demo users are {@code 00000000-0000-4000-8000-0000000000NN}. */
  public static final String DEMO_SUBJECT_PREFIX = "00000000-0000-4000-8000-";

  private final boolean demoAccountsAllowed;

  public DemoAccountPolicy(boolean demoAccountsAllowed) {
    this.demoAccountsAllowed = demoAccountsAllowed;
  }

  public static boolean isDemoSubject(String subject) {
    return subject != null && subject.startsWith(DEMO_SUBJECT_PREFIX);
  }

  /** Whether a request authenticated as {@code subject} must be refused. */
  public boolean refuses(String subject) {
    return !demoAccountsAllowed && isDemoSubject(subject);
  }
}
