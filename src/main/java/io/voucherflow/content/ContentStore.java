package io.voucherflow.content;

import io.smallrye.mutiny.Uni;

/**
 * Durable, content-addressed storage for images (voucher originals, slices, reference images).
 * Content is named by the lower-case hex SHA-256 of its bytes, so storing the same bytes twice
 * stores them once, and a name always denotes the same bytes.
 */
public interface ContentStore {

  /** Stores the bytes durably (on stable storage when the Uni completes); answers their SHA-256. */
  Uni<String> put(byte[] bytes);

  /**
   * The bytes stored under this SHA-256; fails with {@link ContentMissingException} when absent.
   */
  Uni<byte[]> get(String sha256);

  Uni<Boolean> exists(String sha256);
}
