package io.voucherflow.process.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.service.AuditService;
import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.ProcessDocuments;
import io.voucherflow.process.ProcessVersion;
import io.voucherflow.process.ProcessView;
import io.voucherflow.process.ValidationReport;
import io.voucherflow.process.repository.ProcessVersionRepository;
import io.voucherflow.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Saves new process versions and dry-runs them. A saved version is not active: business types keep
 * their bound version until an administrator activates the new one.
 */
@ApplicationScoped
public class ProcessAuthoringService {

  private final ProcessVersionRepository versions;
  private final ProcessChecks checks;
  private final ProcessJson json;
  private final AuditService audit;
  private final Caller caller;

  @Inject
  public ProcessAuthoringService(
      ProcessVersionRepository versions,
      ProcessChecks checks,
      ProcessJson json,
      AuditService audit,
      Caller caller) {
    this.versions = versions;
    this.checks = checks;
    this.json = json;
    this.audit = audit;
    this.caller = caller;
  }

  /** As {@link #save(ProcessDefinition)}, from JSON or YAML text. */
  @WithTransaction
  public Uni<ProcessView> save(String text, ProcessDocuments.Format format) {
    return Uni.createFrom().item(() -> ProcessDocuments.parse(text, format)).chain(this::save);
  }

  /**
   * Stores the definition as the next version of its code; the submitted version number is ignored,
   * versions are numbered 1, 2, 3… by the platform.
   */
  @WithTransaction
  public Uni<ProcessView> save(ProcessDefinition submitted) {
    Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Uni<Void> locked =
        submitted == null || submitted.code() == null
            ? Uni.createFrom().voidItem()
            : versions.lockCode(submitted.code());
    return locked
        .chain(() -> checks.prepared(submitted))
        .chain(
            d ->
                versions
                    .latest(d.code())
                    .chain(
                        latest -> {
                          ProcessDefinition numbered =
                              d.with(latest == null ? 1 : latest.version + 1, d.nodes());
                          ProcessVersion row = new ProcessVersion();
                          row.code = numbered.code();
                          row.version = numbered.version();
                          row.kind = numbered.kind();
                          row.name = numbered.name();
                          row.definition = json.toJson(numbered);
                          row.createdAt = createdAt;
                          row.createdBy = caller.username();
                          return versions.persist(row).map(r -> numbered);
                        }))
        .call(
            d ->
                audit.record(
                    "process.saved",
                    "process",
                    d.code() + "/" + d.version(),
                    Map.of("name", d.name(), "kind", d.kind(), "nodes", d.nodes().size())))
        .map(d -> new ProcessView(d, false, createdAt, caller.username()));
  }

  /** As {@link #validate(ProcessDefinition)}, from JSON or YAML text. */
  @WithSession
  public Uni<ValidationReport> validate(String text, ProcessDocuments.Format format) {
    return Uni.createFrom().item(() -> ProcessDocuments.parse(text, format)).chain(this::validate);
  }

  /** Checks the definition as a save would, storing nothing. */
  @WithSession
  public Uni<ValidationReport> validate(ProcessDefinition submitted) {
    return checks
        .prepared(submitted)
        .chain(
            d ->
                versions
                    .latest(d.code())
                    .map(
                        latest ->
                            new ValidationReport(
                                true,
                                latest == null ? 1 : latest.version + 1,
                                d.with(null, d.nodes()))));
  }
}
