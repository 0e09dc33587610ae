package io.voucherflow.keying.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.dispatch.config.DispatchConfig;
import io.voucherflow.keying.KeySubmission;
import io.voucherflow.keying.KeyingAssignment;
import io.voucherflow.staff.Staff;
import io.voucherflow.staff.service.CurrentStaffService;
import io.voucherflow.staff.service.DutyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The caller's keying: {@link KeyingService} for the signed-in member of staff at their post. */
@ApplicationScoped
public class KeyingDesk {

  private final KeyingService keying;
  private final CurrentStaffService staff;
  private final DutyService duty;
  private final DispatchConfig dispatch;

  @Inject
  public KeyingDesk(
      KeyingService keying, CurrentStaffService staff, DutyService duty, DispatchConfig dispatch) {
    this.keying = keying;
    this.staff = staff;
    this.duty = duty;
    this.dispatch = dispatch;
  }

  /** Tasks of the caller's post up to the credit (the configured prefetch credit by default). */
  public Uni<List<KeyingAssignment>> claim(Integer credit) {
    return duty.mine()
        .chain(
            d -> {
              if (d == null) {
                throw new RuleViolationException(
                    "keying.not-on-duty", "Sign in at a post to take its tasks");
              }
              return Panache.withSession(staff::require)
                  .chain(
                      me ->
                          keying.claim(
                              me.id,
                              d.postCode(),
                              Set.of(me.skills),
                              credit == null ? dispatch.credit() : credit));
            });
  }

  public Uni<Void> submit(UUID taskId, KeySubmission key) {
    return me().chain(id -> keying.submit(id, taskId, key));
  }

  public Uni<Void> unreadable(UUID taskId) {
    return me().chain(id -> keying.unreadable(id, taskId));
  }

  public Uni<Void> skip(UUID taskId) {
    return me().chain(id -> keying.skip(id, taskId));
  }

  public Uni<Set<UUID>> held() {
    return me().chain(keying::heldBy);
  }

  private Uni<Long> me() {
    // The session is for the staff lookup only; keying itself does not hold one.
    return Panache.withSession(staff::require).map((Staff s) -> s.id);
  }
}
