package io.voucherflow.process.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.process.ActiveProcess;
import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.ProcessDiff;
import io.voucherflow.process.ProcessDiffer;
import io.voucherflow.process.ProcessSummary;
import io.voucherflow.process.ProcessVersion;
import io.voucherflow.process.ProcessView;
import io.voucherflow.process.VersionSummary;
import io.voucherflow.process.repository.ActiveProcessRepository;
import io.voucherflow.process.repository.ProcessVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads process versions: lists, single versions, history and diffs. */
@ApplicationScoped
public class ProcessService {

  private final ProcessVersionRepository versions;
  private final ActiveProcessRepository active;
  private final ProcessJson json;

  @Inject
  public ProcessService(
      ProcessVersionRepository versions, ActiveProcessRepository active, ProcessJson json) {
    this.versions = versions;
    this.active = active;
    this.json = json;
  }

  @WithSession
  public Uni<List<ProcessSummary>> list() {
    return active
        .listAll()
        .map(rows -> rows.stream().collect(Collectors.toMap(a -> a.code, Function.identity())))
        .chain(
            actives ->
                versions
                    .latestOfEach()
                    .map(rows -> rows.stream().map(row -> summary(row, actives)).toList()));
  }

  @WithSession
  public Uni<ProcessView> latest(String code) {
    return versions.latest(code).chain(row -> view(ProcessJson.require(row, code)));
  }

  @WithSession
  public Uni<ProcessView> version(String code, int version) {
    return versions
        .version(code, version)
        .chain(row -> view(ProcessJson.require(row, code + " version " + version)));
  }

  @WithSession
  public Uni<List<VersionSummary>> versions(String code) {
    return active
        .findById(code)
        .chain(
            a ->
                versions
                    .versions(code)
                    .map(
                        rows -> {
                          ProcessJson.require(rows.isEmpty() ? null : rows.getFirst(), code);
                          return rows.stream()
                              .map(
                                  r ->
                                      new VersionSummary(
                                          r.version,
                                          r.name,
                                          a != null && a.version == r.version,
                                          r.createdAt,
                                          r.createdBy))
                              .toList();
                        }));
  }

  /** A stored version's definition, for the case engine and other features. */
  @WithSession
  public Uni<ProcessDefinition> definition(String code, int version) {
    return versions
        .version(code, version)
        .map(row -> json.definitionOf(ProcessJson.require(row, code + " version " + version)));
  }

  /** What changed from version {@code from} to version {@code to}; both are required. */
  @WithSession
  public Uni<ProcessDiff> diff(String code, Integer from, Integer to) {
    if (from == null || to == null) {
      throw InvalidInputException.ofField(
          "process.diff-versions-missing",
          from == null ? "from" : "to",
          "name the two versions to compare: ?from=1&to=2");
    }
    return definition(code, from)
        .chain(before -> definition(code, to).map(after -> ProcessDiffer.diff(before, after)));
  }

  private Uni<ProcessView> view(ProcessVersion row) {
    return active
        .findById(row.code)
        .map(
            a ->
                new ProcessView(
                    json.definitionOf(row),
                    a != null && a.version == row.version,
                    row.createdAt,
                    row.createdBy));
  }

  private ProcessSummary summary(ProcessVersion row, Map<String, ActiveProcess> actives) {
    ActiveProcess a = actives.get(row.code);
    return new ProcessSummary(
        row.code,
        row.kind,
        row.name,
        row.version,
        a == null ? null : a.version,
        json.definitionOf(row).businessTypesOrEmpty());
  }
}
