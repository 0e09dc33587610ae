package io.voucherflow.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What {@code bin/voucherflow run} starts: embedded PostgreSQL, Redis and Keycloak for whatever the
 * environment does not point elsewhere ({@code VF_PG_URL}, {@code VF_REDIS_URL}, {@code
 * VF_OIDC_URL}), then the packaged application, until Ctrl-C stops everything it started.
 *
 * <p>It lives with the tests because it is the same embedded stack the tests use; the production
 * artifact ({@code target/quarkus-app}) carries none of it.
 */
public final class DevStack {

  private final Map<String, String> env = System.getenv();
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Path dataDir =
      Path.of(env.getOrDefault("VF_DATA_DIR", System.getProperty("user.home") + "/.voucherflow"));

  public static void main(String[] args) throws Exception {
    new DevStack().run();
  }

  private void run() throws Exception {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "voucherflow-stop"));
    Files.createDirectories(dataDir);
    Map<String, String> appEnv = new HashMap<>();
    int httpPort = intEnv("VF_HTTP_PORT", 8080);
    Ports.requireFree(httpPort, "VoucherFlow", "VF_HTTP_PORT");
    appEnv.put("VF_HTTP_PORT", Integer.toString(httpPort));
    appEnv.put(
        "VF_CONTENT_ROOT",
        env.getOrDefault("VF_CONTENT_ROOT", dataDir.resolve("content").toString()));
    startPostgres(appEnv);
    startRedis(appEnv);
    startKeycloak(appEnv);
    Process app = startApplication(appEnv, httpPort);
    banner(httpPort, appEnv);
    int exit = app.waitFor();
    System.out.println("VoucherFlow exited with " + exit);
  }

  private void startPostgres(Map<String, String> appEnv) throws Exception {
    if (env.containsKey("VF_PG_URL")) {
      say("PostgreSQL: external " + env.get("VF_PG_URL"));
      return;
    }
    int port = intEnv("VF_EMBEDDED_PG_PORT", 15432);
    Ports.requireFree(port, "Embedded PostgreSQL", "VF_EMBEDDED_PG_PORT");
    say(
        "PostgreSQL: starting embedded server on port "
            + port
            + ", data in "
            + dataDir.resolve("postgres"));
    EmbeddedPostgresService pg = EmbeddedPostgresService.start(port, dataDir.resolve("postgres"));
    started.push(pg);
    say("PostgreSQL: " + pg.groupCpu());
    pg.ensureDatabase("voucherflow");
    appEnv.put("VF_PG_URL", pg.url("voucherflow"));
    appEnv.put("VF_PG_USER", "postgres");
  }

  private void startRedis(Map<String, String> appEnv) throws Exception {
    if (env.containsKey("VF_REDIS_URL")) {
      say("Redis: external " + env.get("VF_REDIS_URL"));
      return;
    }
    int port = intEnv("VF_EMBEDDED_REDIS_PORT", 16379);
    Ports.requireFree(port, "Embedded Redis", "VF_EMBEDDED_REDIS_PORT");
    say(
        "Redis: starting embedded server on port "
            + port
            + " (in memory: the queues are rebuilt from PostgreSQL at start)");
    EmbeddedRedisService redis = EmbeddedRedisService.start(port, dataDir.resolve("redis"));
    started.push(redis);
    appEnv.put("VF_REDIS_URL", redis.url());
  }

  private void startKeycloak(Map<String, String> appEnv) throws Exception {
    if (env.containsKey("VF_OIDC_URL")) {
      say("OIDC: external " + env.get("VF_OIDC_URL"));
      return;
    }
    int port = intEnv("VF_KEYCLOAK_PORT", 8180);
    Ports.requireFree(port, "Embedded Keycloak", "VF_KEYCLOAK_PORT");
    say(
        "Keycloak: starting on port "
            + port
            + " (about 20 s; the first start builds it, about a minute)");
    EmbeddedKeycloak kc =
        EmbeddedKeycloak.start(
            Path.of(System.getProperty("vf.keycloak.dist")),
            dataDir.resolve("keycloak"),
            Path.of("src/main/keycloak/voucherflow-realm.json"),
            dataDir.resolve("keycloak/data"),
            port,
            dataDir.resolve("logs/keycloak.log"));
    started.push(kc);
    appEnv.put("VF_OIDC_URL", kc.issuer());
  }

  private Process startApplication(Map<String, String> appEnv, int httpPort) throws Exception {
    String profile = env.getOrDefault("VF_PROFILE", "demo");
    say("VoucherFlow: starting (profile " + profile + ")");
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dquarkus.profile=" + profile);
    // JBoss Threads resets thread locals by reflection; JDK 24+ needs this opened.
    command.add("--add-opens");
    command.add("java.base/java.lang=ALL-UNNAMED");
    // Extra JVM options for the application only (heap size, a profiler agent, …).
    String extra = env.getOrDefault("VF_JAVA_OPTS", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.add("-jar");
    command.add("target/quarkus-app/quarkus-run.jar");
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    pb.environment().putAll(appEnv);
    Process app = pb.start();
    started.push(() -> stopProcess(app));
    awaitReady(app, httpPort);
    return app;
  }

  private static void awaitReady(Process app, int port) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline) && app.isAlive()) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IllegalStateException("VoucherFlow did not become ready; see its output above");
  }

  private void banner(int port, Map<String, String> appEnv) {
    String oidc = appEnv.getOrDefault("VF_OIDC_URL", env.get("VF_OIDC_URL"));
    System.out.printf(
        """

        ==================================================================
         VoucherFlow is up
           API            http://localhost:%1$d/api  (e.g. /api/org-units)
           Swagger UI     http://localhost:%1$d/q/swagger-ui
           OpenAPI        http://localhost:%1$d/q/openapi
           Health         http://localhost:%1$d/q/health/ready
           Metrics        http://localhost:%1$d/q/metrics
           Keycloak       %2$s  (console admin: kcadmin / kcadmin)
         Demo users (password "voucherflow"): admin, teller1, teller2, branchsup1,
           keyer1..keyer4, arbiter1, reviewer1, sealer1, phoner1, authorizer1,
           supervisor1, auditor1
         A token for scripts:
           curl -s %2$s/protocol/openid-connect/token -d grant_type=password \\
             -d client_id=voucherflow-cli -d username=admin -d password=voucherflow
         Data: %3$s     Stop: Ctrl-C
        ==================================================================
        %n""",
        port, oidc, dataDir);
  }

  private void stopAll() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("While stopping: " + e);
      }
    }
  }

  private static void stopProcess(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }

  private int intEnv(String name, int fallback) {
    return env.containsKey(name) ? Integer.parseInt(env.get(name)) : fallback;
  }

  private static void say(String line) {
    System.out.println("[voucherflow] " + line);
  }
}
