package io.voucherflow.cases.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.service.ProcessActivationService;
import io.voucherflow.process.service.ProcessService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process versions for the engine. A stored version never changes, so each is read once per node
 * and kept.
 */
@ApplicationScoped
public class ProcessCatalog {

  private final ProcessService processes;
  private final ProcessActivationService activation;
  private final Map<String, ProcessDefinition> cache = new ConcurrentHashMap<>();

  @Inject
  public ProcessCatalog(ProcessService processes, ProcessActivationService activation) {
    this.processes = processes;
    this.activation = activation;
  }

  public Uni<ProcessDefinition> definition(String code, int version) {
    ProcessDefinition held = cache.get(code + "/" + version);
    if (held != null) {
      return Uni.createFrom().item(held);
    }
    return processes.definition(code, version).invoke(d -> cache.put(code + "/" + version, d));
  }

  /** The version new cases of the business type start on; null when none is bound. */
  public Uni<ProcessDefinition> boundTo(String businessType) {
    return activation
        .boundTo(businessType)
        .invoke(d -> cache.putIfAbsent(d.code() + "/" + d.version(), d))
        .onFailure(NotFoundException.class)
        .recoverWithNull();
  }
}
