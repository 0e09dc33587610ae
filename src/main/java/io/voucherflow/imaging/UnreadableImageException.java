package io.voucherflow.imaging;

/**
 * The bytes are not an image we can decode (corrupt, truncated, unsupported format or too many
 * pixels). Stage code translates it into the platform's invalid-input error; its {@link #code()} is
 * stable so operators can count rejected captures.
 */
public final class UnreadableImageException extends RuntimeException {

  /** The stable error code of every unreadable image. */
  public static final String CODE = "imaging.image.unreadable";

  public UnreadableImageException(String detail) {
    super(detail);
  }

  public UnreadableImageException(String detail, Throwable cause) {
    super(detail, cause);
  }

  /** The stable, dotted error code. */
  public String code() {
    return CODE;
  }
}
