package io.voucherflow.rules;

/** Text that is not a legal amount, date or number in the notation a rule function expects. */
public final class IllegalNotationException extends IllegalArgumentException {

  private final String what;
  private final String reason;
  private final int position;

  /**
   * @param what the notation, e.g. "amount in words", which starts the message
   * @param position 1-based character of {@code text} where the problem is; 0 for the whole text
   */
  IllegalNotationException(String what, String reason, int position) {
    super(what + ": " + reason + (position > 0 ? " (at character " + position + ")" : ""));
    this.what = what;
    this.reason = reason;
    this.position = position;
  }

  /** The same problem with its position moved by {@code offset} (text cut before reading). */
  IllegalNotationException shifted(int offset) {
    return position == 0 || offset == 0
        ? this
        : new IllegalNotationException(what, reason, position + offset);
  }

  /** The 1-based character where the text stops being legal, or 0 when it is about the whole. */
  public int position() {
    return position;
  }
}
