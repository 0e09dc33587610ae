package io.voucherflow.dispatch.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.voucherflow.dispatch.repository.DispatchRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Wake-ups for idle keyers: whenever tasks are queued for a post on any instance, every instance
 * hears the post's name (Redis pub/sub) and passes it to its listeners, e.g. the keying WebSocket
 * asking for tasks for the idle keyers of that post.
 */
@ApplicationScoped
public class DispatchWakeUps {

  private static final Logger LOG = Logger.getLogger(DispatchWakeUps.class);

  private final DispatchRepository repository;
  private final BroadcastProcessor<String> posts = BroadcastProcessor.create();

  @Inject
  public DispatchWakeUps(DispatchRepository repository) {
    this.repository = repository;
  }

  void onStart(@Observes StartupEvent ignored) {
    repository
        .wakeUps()
        .onFailure()
        .invoke(e -> LOG.warnf("Lost the dispatch wake-up subscription: %s", e.getMessage()))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
        .indefinitely()
        .subscribe()
        .with(posts::onNext);
  }

  /** The posts that got tasks, as they are announced; hot: only what comes after subscribing. */
  public Multi<String> posts() {
    return posts;
  }
}
