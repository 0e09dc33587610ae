package io.voucherflow.cases.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Runs the work on one case one piece at a time on this instance: a completion and the automatic
 * steps it sets off wait for the case's previous work instead of racing it to the version guard.
 * Two branches of one case completed at once (keying and a seal check) otherwise both read version
 * n, one commits and the other's whole transaction is thrown away and planned again; under load
 * that was a quarter of all version bumps. The guard still decides between instances; this only
 * saves the work one instance would throw away.
 */
@ApplicationScoped
public class CaseQueue {

  private final ConcurrentMap<UUID, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  /**
   * Subscribes {@code work} once the case's earlier work on this instance has finished (however it
   * finished), on the caller's Vert.x context when there is one.
   */
  public <T> Uni<T> run(UUID caseId, Supplier<Uni<T>> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              CompletableFuture<Void> mine = new CompletableFuture<>();
              CompletableFuture<Void> before = tails.put(caseId, mine);
              return after(before)
                  .chain(() -> work.get())
                  .onTermination()
                  .invoke(
                      () -> {
                        tails.remove(caseId, mine);
                        mine.complete(null);
                      });
            });
  }

  /** Cases with work queued or running here (for tests and metrics). */
  public int busyCases() {
    return tails.size();
  }

  private static Uni<Void> after(CompletableFuture<Void> before) {
    if (before == null || before.isDone()) {
      return Uni.createFrom().voidItem();
    }
    Context context = Vertx.currentContext();
    return Uni.createFrom()
        .emitter(
            emitter ->
                before.whenComplete(
                    (ignored, failure) -> {
                      if (context == null) {
                        emitter.complete(null);
                      } else {
                        context.runOnContext(v -> emitter.complete(null));
                      }
                    }));
  }
}
