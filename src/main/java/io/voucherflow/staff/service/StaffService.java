package io.voucherflow.staff.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.service.AuditService;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.organization.OrgUnit;
import io.voucherflow.organization.repository.OrgUnitRepository;
import io.voucherflow.staff.Staff;
import io.voucherflow.staff.StaffView;
import io.voucherflow.staff.repository.PostRepository;
import io.voucherflow.staff.repository.StaffRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Registers staff and lists them within the caller's organisation scope. */
@ApplicationScoped
public class StaffService {

  private final StaffRepository staff;
  private final PostRepository posts;
  private final OrgUnitRepository units;
  private final CurrentStaffService current;
  private final CallerScopeService scope;
  private final AuditService audit;

  @Inject
  public StaffService(
      StaffRepository staff,
      PostRepository posts,
      OrgUnitRepository units,
      CurrentStaffService current,
      CallerScopeService scope,
      AuditService audit) {
    this.staff = staff;
    this.posts = posts;
    this.units = units;
    this.current = current;
    this.scope = scope;
    this.audit = audit;
  }

  /**
   * Bank-wide roles see everyone; a branch supervisor sees the staff of their unit and the units
   * below it.
   */
  @WithSession
  public Uni<List<StaffView>> list() {
    Uni<List<Staff>> visible =
        scope
            .visibleUnits()
            .chain(s -> s.bankWide() ? staff.listOrdered() : staff.listIn(s.unitIds()));
    return visible.chain(
        list ->
            unitCodes()
                .map(
                    codes ->
                        list.stream().map(s -> StaffView.of(s, codes.get(s.orgUnitId))).toList()));
  }

  @WithSession
  public Uni<StaffView> get(String username) {
    return list()
        .map(
            all ->
                all.stream()
                    .filter(v -> v.username().equals(username))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new NotFoundException(
                                "staff.not-found", "No member of staff " + username)));
  }

  @WithTransaction
  public Uni<StaffView> me() {
    return current
        .require()
        .chain(me -> unitCodes().map(codes -> StaffView.of(me, codes.get(me.orgUnitId))));
  }

  @WithTransaction
  public Uni<StaffView> create(NewStaff request) {
    return staff
        .findByUsername(request.username())
        .invoke(
            existing -> {
              if (existing != null) {
                throw new RuleViolationException(
                    "staff.username-taken", "Staff " + request.username() + " already exists");
              }
            })
        .chain(() -> units.findByCode(request.orgUnitCode()))
        .onItem()
        .ifNull()
        .failWith(
            () ->
                InvalidInputException.ofField(
                    "staff.org-unit-unknown",
                    "orgUnitCode",
                    "no organisation unit " + request.orgUnitCode()))
        .call(unit -> requireKnownPosts(request.posts()))
        .chain(unit -> persist(request, unit));
  }

  private Uni<StaffView> persist(NewStaff request, OrgUnit unit) {
    Staff s = new Staff();
    s.username = request.username();
    s.subject = request.subject();
    s.displayName = request.displayName();
    s.orgUnitId = unit.id;
    s.posts = request.posts().toArray(String[]::new);
    s.skills = request.skills().toArray(String[]::new);
    return staff
        .persist(s)
        .call(
            saved ->
                audit.record(
                    "staff.created",
                    "staff",
                    saved.username,
                    Map.of(
                        "orgUnitCode",
                        unit.code,
                        "posts",
                        request.posts(),
                        "skills",
                        request.skills())))
        .map(saved -> StaffView.of(saved, unit.code));
  }

  private Uni<Void> requireKnownPosts(List<String> codes) {
    if (codes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return posts
        .list("code in ?1", codes)
        .invoke(
            found -> {
              List<String> known = found.stream().map(p -> p.code).toList();
              List<String> unknown = codes.stream().filter(c -> !known.contains(c)).toList();
              if (!unknown.isEmpty()) {
                throw InvalidInputException.ofField(
                    "staff.post-unknown", "posts", "unknown posts " + unknown);
              }
            })
        .replaceWithVoid();
  }

  private Uni<Map<Long, String>> unitCodes() {
    return units
        .listAll()
        .map(all -> all.stream().collect(Collectors.toMap(u -> u.id, u -> u.code)));
  }

  /** What an administrator supplies to register a member of staff. */
  public record NewStaff(
      String username,
      String subject,
      String displayName,
      String orgUnitCode,
      List<String> posts,
      List<String> skills) {}
}
