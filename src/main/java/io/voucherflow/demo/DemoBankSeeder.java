package io.voucherflow.demo;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.voucherflow.demo.config.DemoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Seeds the demo bank at start when the demo profile asks for it; the script is idempotent. */
@ApplicationScoped
public class DemoBankSeeder {

  private static final Logger LOG = Logger.getLogger(DemoBankSeeder.class);

  void onStart(
      @Observes @jakarta.annotation.Priority(2500) StartupEvent event,
      DemoConfig config,
      Pool pool) {
    if (!config.seed()) {
      return;
    }
    // Startup runs on the main thread, so waiting here delays readiness rather than blocking an
    // event loop.
    pool.query(script()).execute().await().atMost(Duration.ofMinutes(1));
    LOG.info(
        "Demo bank seeded: head office HO, branches BR01 and BR02, sub-branch BR01-01, centre OC01");
  }

  private static String script() {
    try (InputStream in = DemoBankSeeder.class.getResourceAsStream("/demo/demo-bank.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
