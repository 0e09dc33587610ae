package io.voucherflow.staff.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.voucherflow.security.Caller;
import io.voucherflow.staff.Staff;
import io.voucherflow.staff.repository.StaffRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Resolves the caller's staff record from the token; must run inside a session. */
@ApplicationScoped
public class CurrentStaffService {

  private final StaffRepository staff;
  private final Caller caller;

  @Inject
  public CurrentStaffService(StaffRepository staff, Caller caller) {
    this.staff = staff;
    this.caller = caller;
  }

  /**
   * As {@link #require()}, without a Hibernate session when the token's subject is already bound
   * (every request after a user's first): one SQL read. The record returned is detached.
   */
  public Uni<Staff> requireFast() {
    return staff
        .findIdentityBySubject(caller.subject())
        .onItem()
        .ifNull()
        .switchTo(() -> Panache.withTransaction(this::require))
        .map(CurrentStaffService::usable);
  }

  /**
   * The caller's staff record. An administrator may register staff by username only; the first
   * request of that user then binds the token subject, after which only the subject counts.
   */
  public Uni<Staff> require() {
    String subject = caller.subject();
    return staff
        .findBySubject(subject)
        .onItem()
        .ifNull()
        .switchTo(
            () ->
                staff
                    .findByUsername(caller.username())
                    .map(
                        byName -> {
                          if (byName == null || byName.subject != null) {
                            return null;
                          }
                          byName.subject = subject;
                          return byName;
                        }))
        .map(CurrentStaffService::usable);
  }

  private static Staff usable(Staff found) {
    if (found == null) {
      throw new ForbiddenException("security.not-staff");
    }
    if (!found.active) {
      throw new ForbiddenException("security.staff-inactive");
    }
    return found;
  }
}
