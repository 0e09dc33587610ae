package io.voucherflow.content;

import io.smallrye.mutiny.Uni;

/**
 * Durable, content-addressed storage for images (voucher originals, slices, reference images).
 * Content is named by the lower-case hex SHA-256 of its bytes, so storing the same bytes twice
 * stores them once, and a name always denotes the same bytes. The {@code ...Now} methods block and
 * are for pipeline threads, never the event loop.
 */
public interface ContentStore {

  /** Stores the bytes durably (on stable storage when the Uni completes); answers their SHA-256. */
  Uni<String> put(byte[] bytes);

  /**
   * Stores bytes that can be derived again from durable content (slices), blocking. A store may
   * skip what makes {@link #put} durable: the filesystem store writes and renames but does not
   * force the file to disk, which would cost a disk flush per file.
   */
  String putDerivedNow(byte[] bytes);

  /** The bytes under this SHA-256; fails with {@link ContentMissingException} when absent. */
  Uni<byte[]> get(String sha256);

  /** As {@link #get}, blocking. */
  byte[] getNow(String sha256);

  Uni<Boolean> exists(String sha256);
}
