package io.voucherflow.cases.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CaseQueueTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final CaseQueue queue = new CaseQueue();
  private final List<String> events = new CopyOnWriteArrayList<>();

  @Test
  void shouldStartACasesNextWorkOnlyAfterItsEarlierWorkFinished() {
    UUID caseId = UUID.randomUUID();
    CompletableFuture<String> first = new CompletableFuture<>();

    CompletableFuture<String> a =
        queue.run(caseId, () -> step("a", first)).subscribeAsCompletionStage();
    CompletableFuture<String> b =
        queue
            .run(caseId, () -> step("b", CompletableFuture.completedFuture("b")))
            .subscribeAsCompletionStage();

    assertThat(events).containsExactly("a started");
    first.complete("a");
    assertThat(a.join()).isEqualTo("a");
    assertThat(b.join()).isEqualTo("b");
    assertThat(events).containsExactly("a started", "b started");
    assertThat(queue.busyCases()).isZero();
  }

  @Test
  void shouldNotHoldOneCaseBackForAnother() {
    CompletableFuture<String> never = new CompletableFuture<>();
    queue.run(UUID.randomUUID(), () -> step("a", never)).subscribeAsCompletionStage();

    String other =
        queue
            .run(UUID.randomUUID(), () -> step("b", CompletableFuture.completedFuture("b")))
            .await()
            .atMost(WAIT);

    assertThat(other).isEqualTo("b");
    assertThat(queue.busyCases()).isOne();
  }

  @Test
  void shouldGoOnWithTheNextWorkWhenEarlierWorkFailed() {
    UUID caseId = UUID.randomUUID();
    CompletableFuture<String> failing = new CompletableFuture<>();
    CompletableFuture<String> a =
        queue.run(caseId, () -> step("a", failing)).subscribeAsCompletionStage();
    CompletableFuture<String> b =
        queue
            .run(caseId, () -> step("b", CompletableFuture.completedFuture("b")))
            .subscribeAsCompletionStage();

    failing.completeExceptionally(new IllegalStateException("step failed"));

    assertThatThrownBy(a::join).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(b.join()).isEqualTo("b");
    assertThat(queue.busyCases()).isZero();
  }

  private Uni<String> step(String name, CompletableFuture<String> result) {
    events.add(name + " started");
    return Uni.createFrom().completionStage(result);
  }
}
