package io.voucherflow.audit;

/**
 * The outcome of walking the audit chain: how many entries were checked and, when the chain is
 * broken, the first entry that does not link and why.
 */
public record ChainVerification(
    boolean intact, long entriesChecked, Long firstBrokenSeq, String reason) {

  public static ChainVerification intact(long checked) {
    return new ChainVerification(true, checked, null, null);
  }

  public static ChainVerification brokenAt(long checked, long seq, String reason) {
    return new ChainVerification(false, checked, seq, reason);
  }
}
