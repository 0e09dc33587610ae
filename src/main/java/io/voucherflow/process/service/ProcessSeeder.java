package io.voucherflow.process.service;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.ShippedProcesses;
import io.voucherflow.process.config.ProcessConfig;
import io.voucherflow.process.repository.ProcessVersionRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Stores and activates the shipped default processes (sub-processes first) whose codes have no
 * version yet, in every profile: a bank's own versions are never touched.
 */
@ApplicationScoped
public class ProcessSeeder {

  private static final Logger LOG = Logger.getLogger(ProcessSeeder.class);

  @Inject ProcessVersionRepository versions;
  @Inject ProcessAuthoringService authoring;
  @Inject ProcessActivationService activation;

  // After the demo bank (2500) and the templates (3000): the posts the defaults name must exist.
  void onStart(@Observes @Priority(3100) StartupEvent event, ProcessConfig config) {
    if (!config.seedDefaults()) {
      return;
    }
    ManagedContext request = Arc.container().requestContext();
    request.activate();
    try {
      for (ProcessDefinition d : ShippedProcesses.all()) {
        Boolean seeded = VertxContextSupport.subscribeAndAwait(() -> seedIfAbsent(d));
        if (seeded) {
          LOG.infof("Seeded and activated process %s (%s)", d.code(), d.name());
        }
      }
    } catch (Throwable e) {
      throw new IllegalStateException("Could not seed the shipped processes", e);
    } finally {
      request.terminate();
    }
  }

  /**
   * Saves and activates version 1 unless the code has a version; the code's lock makes replicas
   * starting together seed it once.
   */
  @WithTransaction
  Uni<Boolean> seedIfAbsent(ProcessDefinition d) {
    return versions
        .lockCode(d.code())
        .chain(() -> versions.latest(d.code()))
        .chain(
            latest -> {
              if (latest != null) {
                return Uni.createFrom().item(false);
              }
              return authoring
                  .save(d)
                  .chain(saved -> activation.activate(d.code(), saved.definition().version()))
                  .map(a -> true);
            });
  }
}
