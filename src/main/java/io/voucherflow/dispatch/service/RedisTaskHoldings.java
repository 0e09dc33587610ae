package io.voucherflow.dispatch.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.staff.TaskHoldings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Task holdings as the Redis dispatcher records them. */
@ApplicationScoped
public class RedisTaskHoldings implements TaskHoldings {

  private final DispatchService dispatch;

  @Inject
  public RedisTaskHoldings(DispatchService dispatch) {
    this.dispatch = dispatch;
  }

  @Override
  public Uni<Long> countHeldBy(long staffId) {
    return dispatch.heldBy(staffId).map(held -> (long) held.size());
  }

  @Override
  public Uni<Long> requeueHeldBy(long staffId) {
    return dispatch.releaseAll(staffId);
  }
}
