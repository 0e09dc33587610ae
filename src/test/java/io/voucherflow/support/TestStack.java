package io.voucherflow.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.voucherflow.devstack.EmbeddedKeycloak;
import io.voucherflow.devstack.EmbeddedPostgresService;
import io.voucherflow.devstack.EmbeddedRedisService;
import io.voucherflow.devstack.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real components every test runs against, started once per test run: the machine's PostgreSQL
 * and Redis when they run on their standard ports (a fresh database and key prefix per run),
 * embedded ones otherwise, and always a real Keycloak from its Maven Central distribution.
 */
public class TestStack implements QuarkusTestResourceLifecycleManager {

  private static final String LOCAL_PG = "jdbc:postgresql://127.0.0.1:5432/";

  private final String runId =
      "vf_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private EmbeddedPostgresService embeddedPg;
  private EmbeddedRedisService embeddedRedis;
  private EmbeddedKeycloak keycloak;
  private String externalDatabase;

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>();
    try {
      postgres(config);
      redis(config);
      keycloak(config);
    } catch (Exception e) {
      stop();
      throw new IllegalStateException("Could not start the test stack: " + e.getMessage(), e);
    }
    return config;
  }

  private void postgres(Map<String, String> config) throws Exception {
    if (Ports.listening(5432) && canUseLocalPostgres()) {
      try (Connection c = DriverManager.getConnection(LOCAL_PG + "postgres", "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("create database " + runId);
      }
      externalDatabase = runId;
      config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + runId);
    } else {
      embeddedPg = EmbeddedPostgresService.start(Ports.free(), null);
      embeddedPg.ensureDatabase("voucherflow");
      config.put("quarkus.datasource.reactive.url", embeddedPg.url("voucherflow"));
    }
    config.put("quarkus.datasource.username", "postgres");
    config.put("quarkus.datasource.password", "");
  }

  private static boolean canUseLocalPostgres() {
    try (Connection c = DriverManager.getConnection(LOCAL_PG + "postgres", "postgres", "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private void redis(Map<String, String> config) throws Exception {
    if (Ports.listening(6379)) {
      config.put("quarkus.redis.hosts", "redis://127.0.0.1:6379");
    } else {
      embeddedRedis = EmbeddedRedisService.start(Ports.free(), null);
      config.put("quarkus.redis.hosts", embeddedRedis.url());
    }
    // A key prefix of its own keeps this run apart from other runs sharing the server.
    config.put("vf.dispatch.key-prefix", runId + ":");
  }

  private void keycloak(Map<String, String> config) throws Exception {
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "voucherflow");
    Path data = Files.createTempDirectory("vf-keycloak-");
    keycloak =
        EmbeddedKeycloak.start(
            Path.of(System.getProperty("vf.keycloak.dist")),
            cache.resolve("keycloak-test"),
            Path.of("src/main/keycloak/voucherflow-realm.json"),
            data,
            Ports.free(),
            Path.of("target/keycloak-test.log"));
    config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
  }

  @Override
  public void stop() {
    if (keycloak != null) {
      keycloak.close();
    }
    try {
      if (embeddedRedis != null) {
        embeddedRedis.close();
      }
      if (embeddedPg != null) {
        embeddedPg.close();
      }
      if (externalDatabase != null) {
        try (Connection c = DriverManager.getConnection(LOCAL_PG + "postgres", "postgres", "");
            Statement s = c.createStatement()) {
          s.execute("drop database if exists " + externalDatabase + " with (force)");
        }
      }
    } catch (Exception e) {
      System.err.println("Test stack did not stop cleanly: " + e);
    }
  }
}
