package io.voucherflow.imaging;

import io.voucherflow.template.QrSpec;
import java.util.Optional;

/**
 * A voucher QR payload {@code VF|<code>|<version>|<serial>}: the template and version it was
 * printed from, and the voucher's serial number.
 */
public record QrPayload(String templateCode, int templateVersion, String serial) {

  /** The payload's parts, or empty when the text is not a VoucherFlow payload. */
  public static Optional<QrPayload> parse(String text) {
    if (text == null || !text.startsWith(QrSpec.PAYLOAD_PREFIX)) {
      return Optional.empty();
    }
    String[] parts = text.substring(QrSpec.PAYLOAD_PREFIX.length()).split("\\|", -1);
    if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
      return Optional.empty();
    }
    try {
      int version = Integer.parseInt(parts[1]);
      return version > 0
          ? Optional.of(new QrPayload(parts[0], version, parts[2]))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
