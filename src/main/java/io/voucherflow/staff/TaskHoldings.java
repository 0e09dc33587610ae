package io.voucherflow.staff;

import io.smallrye.mutiny.Uni;

/**
 * The tasks a member of staff currently holds, as the dispatcher knows them. Staff owns this
 * interface so that sign-out can ask without depending on how dispatch stores its leases.
 */
public interface TaskHoldings {

  /** How many unfinished tasks the member of staff holds. */
  Uni<Long> countHeldBy(long staffId);

  /** Returns every task the member of staff holds to its queue; answers how many were returned. */
  Uni<Long> requeueHeldBy(long staffId);
}
