package io.voucherflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail: each entry's hash covers its own fields and the previous
 * entry's hash, so changing, removing or reordering any row breaks every link after it.
 */
public final class AuditChain {

  /** The {@code prev_hash} of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  // Unit separator: cannot occur in the fields hashed, so field boundaries are unambiguous.
  private static final char SEP = '\u001f';

  private AuditChain() {}

  /**
   * PostgreSQL keeps microseconds; hashing the truncated instant keeps stored and hashed values
   * equal.
   */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  public static String hashOf(AuditEntry e) {
    String canonical =
        String.join(
            String.valueOf(SEP),
            Long.toString(e.seq),
            truncate(e.occurredAt).toString(),
            nz(e.actor),
            nz(e.actorRoles),
            nz(e.sourceIp),
            nz(e.userAgent),
            nz(e.action),
            nz(e.entityType),
            nz(e.entityId),
            nz(e.details),
            nz(e.prevHash));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
