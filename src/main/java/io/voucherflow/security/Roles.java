package io.voucherflow.security;

import java.util.List;

/**
 * The realm roles staff carry in their tokens; one constant per role so annotations stay checkable.
 */
public final class Roles {

  public static final String TELLER = "teller";
  public static final String BRANCH_SUPERVISOR = "branch_supervisor";
  public static final String KEYER = "keyer";
  public static final String ARBITER = "arbiter";
  public static final String REVIEWER = "reviewer";
  public static final String SEAL_VERIFIER = "seal_verifier";
  public static final String PHONE_VERIFIER = "phone_verifier";
  public static final String AUTHORIZER = "authorizer";
  public static final String CENTRE_SUPERVISOR = "centre_supervisor";
  public static final String ADMIN = "admin";
  public static final String AUDITOR = "auditor";

  /** Every role, in the order the README documents them. */
  public static final List<String> ALL =
      List.of(
          TELLER,
          BRANCH_SUPERVISOR,
          KEYER,
          ARBITER,
          REVIEWER,
          SEAL_VERIFIER,
          PHONE_VERIFIER,
          AUTHORIZER,
          CENTRE_SUPERVISOR,
          ADMIN,
          AUDITOR);

  /** Roles whose holders see the whole bank rather than their own organisation unit. */
  public static final List<String> BANK_WIDE = List.of(CENTRE_SUPERVISOR, ADMIN, AUDITOR);

  private Roles() {}
}
