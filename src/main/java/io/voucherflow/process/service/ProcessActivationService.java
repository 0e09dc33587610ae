package io.voucherflow.process.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.service.AuditService;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.process.Activation;
import io.voucherflow.process.ActiveProcess;
import io.voucherflow.process.BindingView;
import io.voucherflow.process.ProcessBinding;
import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.ProcessKind;
import io.voucherflow.process.repository.ActiveProcessRepository;
import io.voucherflow.process.repository.ProcessBindingRepository;
import io.voucherflow.process.repository.ProcessVersionRepository;
import io.voucherflow.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Activates process versions and answers which version a business type's new cases start on.
 * Running cases are not affected: they keep the version they started with.
 */
@ApplicationScoped
public class ProcessActivationService {

  private final ProcessVersionRepository versions;
  private final ActiveProcessRepository active;
  private final ProcessBindingRepository bindings;
  private final ProcessChecks checks;
  private final ProcessJson json;
  private final AuditService audit;
  private final Caller caller;

  @Inject
  public ProcessActivationService(
      ProcessVersionRepository versions,
      ActiveProcessRepository active,
      ProcessBindingRepository bindings,
      ProcessChecks checks,
      ProcessJson json,
      AuditService audit,
      Caller caller) {
    this.versions = versions;
    this.active = active;
    this.bindings = bindings;
    this.checks = checks;
    this.json = json;
    this.audit = audit;
    this.caller = caller;
  }

  /**
   * Makes the version the active one of its code; for a business process, binds its business types
   * to it (moving a type from another process if need be) and unbinds the types it no longer lists.
   * The version is validated again: posts and the rule language may have changed since it was
   * saved.
   */
  @WithTransaction
  public Uni<Activation> activate(String code, int version) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String by = caller.username();
    return versions
        .lockCode(code)
        .chain(() -> versions.version(code, version))
        .map(row -> json.definitionOf(ProcessJson.require(row, code + " version " + version)))
        .call(checks::checked)
        .chain(
            d ->
                active
                    .findById(code)
                    .chain(previous -> point(previous, code, version, now, by))
                    .chain(previous -> rebind(d, now, by).map(result -> result.with(previous))))
        .call(
            a ->
                audit.record(
                    "process.activated",
                    "process",
                    code + "/" + version,
                    Map.of(
                        "previousVersion",
                        a.previousVersion() == null ? "none" : a.previousVersion(),
                        "bound",
                        a.bound(),
                        "unbound",
                        a.unbound())));
  }

  /** Every business type's binding, by type. */
  @WithSession
  public Uni<List<BindingView>> bindings() {
    return bindings
        .listAll(Sort.by("businessType"))
        .map(rows -> rows.stream().map(BindingView::of).toList());
  }

  /** The binding of one business type. */
  @WithSession
  public Uni<BindingView> binding(String businessType) {
    return bound(businessType).map(BindingView::of);
  }

  /** The process version new cases of this business type start on, for the case engine. */
  @WithSession
  public Uni<ProcessDefinition> boundTo(String businessType) {
    return bound(businessType)
        .chain(b -> versions.version(b.processCode, b.processVersion))
        .map(json::definitionOf);
  }

  private Uni<ProcessBinding> bound(String businessType) {
    return bindings
        .findById(businessType)
        .onItem()
        .ifNull()
        .failWith(
            () ->
                new NotFoundException(
                    "process.binding-not-found", "No process is bound to " + businessType));
  }

  private Uni<Integer> point(
      ActiveProcess previous, String code, int version, Instant now, String by) {
    Integer was = previous == null ? null : previous.version;
    ActiveProcess row = previous == null ? new ActiveProcess() : previous;
    row.code = code;
    row.version = version;
    row.activatedAt = now;
    row.activatedBy = by;
    return (previous == null ? active.persist(row) : Uni.createFrom().item(row)).map(r -> was);
  }

  private record Rebound(String code, int version, List<String> bound, List<String> unbound) {
    Activation with(Integer previous) {
      return new Activation(code, version, previous, bound, unbound);
    }
  }

  private Uni<Rebound> rebind(ProcessDefinition d, Instant now, String by) {
    if (d.processKind().orElse(null) != ProcessKind.BUSINESS) {
      return Uni.createFrom().item(new Rebound(d.code(), d.version(), List.of(), List.of()));
    }
    List<String> types = d.businessTypesOrEmpty();
    return bindings
        .touching(d.code(), types)
        .chain(
            existing -> {
              Map<String, ProcessBinding> byType = new TreeMap<>();
              existing.forEach(b -> byType.put(b.businessType, b));
              List<String> unbound = new ArrayList<>();
              Uni<Void> work = Uni.createFrom().voidItem();
              for (ProcessBinding b : existing) {
                if (!types.contains(b.businessType)) {
                  unbound.add(b.businessType);
                  work = work.chain(() -> bindings.delete(b));
                }
              }
              for (String type : types) {
                ProcessBinding b = byType.getOrDefault(type, new ProcessBinding());
                boolean fresh = b.businessType == null;
                b.businessType = type;
                b.processCode = d.code();
                b.processVersion = d.version();
                b.boundAt = now;
                b.boundBy = by;
                if (fresh) {
                  work = work.chain(() -> bindings.persist(b).replaceWithVoid());
                }
              }
              return work.map(v -> new Rebound(d.code(), d.version(), List.copyOf(types), unbound));
            });
  }
}
