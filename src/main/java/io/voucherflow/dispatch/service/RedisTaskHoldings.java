package io.voucherflow.dispatch.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.UnavailableException;
import io.voucherflow.dispatch.repository.DispatchRepository;
import io.voucherflow.staff.TaskHoldings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Task holdings as the Redis dispatcher records them. */
@ApplicationScoped
public class RedisTaskHoldings implements TaskHoldings {

  private final DispatchRepository repository;

  @Inject
  public RedisTaskHoldings(DispatchRepository repository) {
    this.repository = repository;
  }

  @Override
  public Uni<Long> countHeldBy(long staffId) {
    return repository.countHeldBy(staffId).onFailure().transform(RedisTaskHoldings::unavailable);
  }

  @Override
  public Uni<Long> requeueHeldBy(long staffId) {
    return repository.requeueHeldBy(staffId).onFailure().transform(RedisTaskHoldings::unavailable);
  }

  private static Throwable unavailable(Throwable cause) {
    return new UnavailableException(
        "dispatch.unavailable", "The task dispatcher (Redis) cannot be reached", cause);
  }
}
