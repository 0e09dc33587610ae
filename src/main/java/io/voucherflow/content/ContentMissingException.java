package io.voucherflow.content;

/** Content that should be in the store is not: a storage fault, not a client error. */
public final class ContentMissingException extends RuntimeException {

  public ContentMissingException(String sha256) {
    super("Content " + sha256 + " is missing from the content store");
  }
}
