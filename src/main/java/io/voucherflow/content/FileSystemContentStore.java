package io.voucherflow.content;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The content store on a local (or mounted) filesystem: {@code root/ab/cd/<sha256>}. A write goes
 * to a temporary file that is forced to disk and then atomically renamed, so a crash never leaves a
 * partial file under a content name. File I/O runs on worker threads, never the event loop. The
 * default store ({@code vf.content.store=filesystem}).
 */
public class FileSystemContentStore implements ContentStore {

  private final Vertx vertx;
  private final Path root;

  public FileSystemContentStore(Vertx vertx, Path root) {
    this.vertx = vertx;
    this.root = root;
  }

  @Override
  public Uni<String> put(byte[] bytes) {
    return blocking(() -> write(bytes));
  }

  @Override
  public Uni<byte[]> get(String sha256) {
    return blocking(() -> getNow(sha256));
  }

  @Override
  public byte[] getNow(String sha256) {
    try {
      return Files.readAllBytes(pathOf(sha256));
    } catch (NoSuchFileException e) {
      throw new ContentMissingException(sha256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String putDerivedNow(byte[] bytes) {
    try {
      return write(bytes, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Uni<Boolean> exists(String sha256) {
    return blocking(() -> Files.exists(pathOf(sha256)));
  }

  private String write(byte[] bytes) throws IOException {
    return write(bytes, true);
  }

  private String write(byte[] bytes, boolean durable) throws IOException {
    String name = Sha256.of(bytes);
    Path target = pathOf(name);
    if (Files.exists(target)) {
      return name;
    }
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling(name + "." + UUID.randomUUID() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      if (durable) {
        ch.force(true);
      }
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
      // Another writer stored the same bytes first; theirs is identical by construction.
      Files.deleteIfExists(temp);
    }
    // The rename itself must reach the disk too, or a crash could forget the file existed.
    if (durable) {
      try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
        dir.force(true);
      }
    }
    return name;
  }

  private Path pathOf(String sha256) {
    if (!Sha256.isName(sha256)) {
      throw new IllegalArgumentException("Not a SHA-256 content name: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  /**
   * Runs file I/O on a worker thread and delivers the result back on the caller's Vert.x context.
   * Unordered: Vert.x's default runs the blocking work of every request on one event loop one after
   * another (the requests' contexts share their event loop's queue), so one durable write would
   * hold up every slice read behind it; these calls do not depend on each other.
   */
  private <T> Uni<T> blocking(IoSupplier<T> work) {
    return vertx.executeBlocking(
        Uni.createFrom()
            .item(
                () -> {
                  try {
                    return work.get();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }),
        false);
  }

  @FunctionalInterface
  private interface IoSupplier<T> {
    T get() throws IOException;
  }
}
