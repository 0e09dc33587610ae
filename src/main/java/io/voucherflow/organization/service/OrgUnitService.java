package io.voucherflow.organization.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.service.AuditService;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.organization.OrgTree;
import io.voucherflow.organization.OrgUnit;
import io.voucherflow.organization.OrgUnitKind;
import io.voucherflow.organization.OrgUnitView;
import io.voucherflow.organization.repository.OrgUnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and grows the organisation hierarchy. */
@ApplicationScoped
public class OrgUnitService {

  private final OrgUnitRepository units;
  private final AuditService audit;

  @Inject
  public OrgUnitService(OrgUnitRepository units, AuditService audit) {
    this.units = units;
    this.audit = audit;
  }

  @WithSession
  public Uni<List<OrgUnitView>> list() {
    return units
        .listOrdered()
        .map(
            all -> {
              Map<Long, String> codes =
                  all.stream().collect(Collectors.toMap(u -> u.id, u -> u.code));
              return all.stream().map(u -> OrgUnitView.of(u, codes)).toList();
            });
  }

  @WithSession
  public Uni<OrgUnitView> get(String code) {
    return list()
        .map(
            all ->
                all.stream()
                    .filter(v -> v.code().equals(code))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new NotFoundException(
                                "org-unit.not-found", "No organisation unit " + code)));
  }

  /** The ids of the unit and all units below it, for organisation-scoped queries. */
  @WithSession
  public Uni<Set<Long>> subtreeOf(long unitId) {
    return units.listAll().map(all -> new OrgTree(all).subtreeOf(unitId));
  }

  @WithTransaction
  public Uni<OrgUnitView> create(String code, String name, OrgUnitKind kind, String parentCode) {
    Uni<OrgUnit> parent =
        parentCode == null
            ? Uni.createFrom().nullItem()
            : units
                .findByCode(parentCode)
                .onItem()
                .ifNull()
                .failWith(
                    () ->
                        InvalidInputException.ofField(
                            "org-unit.parent-unknown",
                            "parentCode",
                            "no organisation unit " + parentCode));
    return units
        .findByCode(code)
        .invoke(
            existing -> {
              if (existing != null) {
                throw new RuleViolationException(
                    "org-unit.code-taken", "Organisation unit " + code + " already exists");
              }
            })
        .chain(() -> parent)
        .chain(
            p -> {
              if (!kind.mayBeUnder(p == null ? null : p.kind)) {
                throw InvalidInputException.ofField(
                    "org-unit.misplaced",
                    "parentCode",
                    "a "
                        + kind
                        + " cannot be placed under "
                        + (p == null ? "nothing" : "a " + p.kind));
              }
              OrgUnit unit = new OrgUnit();
              unit.code = code;
              unit.name = name;
              unit.kind = kind;
              unit.parentId = p == null ? null : p.id;
              return units.persist(unit);
            })
        .call(
            unit -> {
              Map<String, Object> details =
                  new HashMap<>(Map.of("code", code, "name", name, "kind", kind.name()));
              if (parentCode != null) {
                details.put("parentCode", parentCode);
              }
              return audit.record("org-unit.created", "org-unit", unit.code, details);
            })
        .map(unit -> new OrgUnitView(unit.code, unit.name, unit.kind, parentCode));
  }
}
