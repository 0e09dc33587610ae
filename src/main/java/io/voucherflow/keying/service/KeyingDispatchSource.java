package io.voucherflow.keying.service;

import io.smallrye.mutiny.Multi;
import io.voucherflow.dispatch.DispatchSource;
import io.voucherflow.dispatch.DispatchTask;
import io.voucherflow.keying.repository.KeyingTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** The unfinished keying tasks in PostgreSQL, page by page, for a rebuild of the queues. */
@ApplicationScoped
public class KeyingDispatchSource implements DispatchSource {

  private static final int PAGE = 1000;

  private final KeyingTaskRepository tasks;

  @Inject
  public KeyingDispatchSource(KeyingTaskRepository tasks) {
    this.tasks = tasks;
  }

  @Override
  public Multi<DispatchTask> unfinished() {
    AtomicReference<UUID> after = new AtomicReference<>(new UUID(0, 0));
    return Multi.createBy()
        .repeating()
        .uni(() -> tasks.unfinished(after.get(), PAGE))
        .whilst(page -> remember(after, page) == PAGE)
        .onItem()
        .disjoint();
  }

  private static int remember(AtomicReference<UUID> after, List<DispatchTask> page) {
    if (!page.isEmpty()) {
      after.set(UUID.fromString(page.getLast().id()));
    }
    return page.size();
  }
}
