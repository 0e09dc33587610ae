package io.voucherflow.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.impl.ContextInternal;
import io.vertx.mutiny.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemContentStoreTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Vertx VERTX = Vertx.vertx();

  @TempDir Path root;

  @AfterAll
  static void closeVertx() {
    VERTX.closeAndAwait();
  }

  @Test
  void shouldStoreContentOnceUnderItsSha256() throws Exception {
    FileSystemContentStore store = new FileSystemContentStore(VERTX, root);
    byte[] image = "front of voucher 42".getBytes(StandardCharsets.UTF_8);
    String first = store.put(image).await().atMost(WAIT);
    String second = store.put(image).await().atMost(WAIT);

    assertThat(first).isEqualTo(second).isEqualTo(Sha256.of(image));
    assertThat(store.get(first).await().atMost(WAIT)).isEqualTo(image);
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile))
          .singleElement()
          .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo(first));
    }
  }

  @Test
  void shouldReportMissingContent() {
    FileSystemContentStore store = new FileSystemContentStore(VERTX, root);
    String absent = Sha256.of(new byte[] {1, 2, 3});
    assertThat(store.exists(absent).await().atMost(WAIT)).isFalse();
    assertThatThrownBy(() -> store.get(absent).await().atMost(WAIT))
        .isInstanceOf(ContentMissingException.class);
  }

  @Test
  void shouldServeOtherRequestsWhileOneReadIsStuck() throws Exception {
    FileSystemContentStore store = new FileSystemContentStore(VERTX, root);
    byte[] slice = "a slice".getBytes(StandardCharsets.UTF_8);
    String ready = store.put(slice).await().atMost(WAIT);
    // A named pipe under a content name: reading it blocks until something is written into it,
    // as a read from a slow disk or a stalled network mount would.
    String stuckName = Sha256.of("stuck".getBytes(StandardCharsets.UTF_8));
    Path stuck = root.resolve(stuckName.substring(0, 2)).resolve(stuckName.substring(2, 4));
    Files.createDirectories(stuck);
    stuck = stuck.resolve(stuckName);
    assertThat(new ProcessBuilder("mkfifo", stuck.toString()).start().waitFor()).isZero();

    // Two requests on the same event loop, each in a context of its own, as the HTTP server runs
    // them: the second must not wait for the first's blocking work.
    ContextInternal loop = (ContextInternal) VERTX.getDelegate().getOrCreateContext();
    CompletableFuture<byte[]> first = new CompletableFuture<>();
    CompletableFuture<byte[]> second = new CompletableFuture<>();
    loop.duplicate()
        .runOnContext(
            v ->
                store
                    .get(stuckName)
                    .subscribe()
                    .with(first::complete, first::completeExceptionally));
    loop.duplicate()
        .runOnContext(
            v ->
                store.get(ready).subscribe().with(second::complete, second::completeExceptionally));

    assertThat(second.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(slice);
    assertThat(first).isNotDone();
    Files.write(stuck, "late".getBytes(StandardCharsets.UTF_8));
    assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo("late".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldRefuseNamesThatAreNotHashes() {
    FileSystemContentStore store = new FileSystemContentStore(VERTX, root);
    assertThatThrownBy(() -> store.get("../../etc/passwd").await().atMost(WAIT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
