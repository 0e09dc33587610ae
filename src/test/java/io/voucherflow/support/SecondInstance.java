package io.voucherflow.support;

import static io.restassured.RestAssured.given;

import io.voucherflow.devstack.Ports;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Another node of the platform: the packaged application ({@code target/quarkus-app}, built by
 * {@code package}) started as a JVM of its own against the same PostgreSQL database, Redis key
 * prefix, content store and OIDC provider as the test's own instance, as a second pod of a
 * deployment would be.
 */
public final class SecondInstance implements AutoCloseable {

  private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
  private static final Duration STARTUP = Duration.ofMinutes(3);

  private final Process process;
  private final int port;
  private final Path log;

  private SecondInstance(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the packaged application with the test instance's stores and the given extra settings,
   * and waits until it is ready.
   */
  public static SecondInstance start(Map<String, String> settings) throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: *IT tests run after `package`");
    }
    Config config = ConfigProvider.getConfig();
    int port = Ports.free();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens");
    command.add("java.base/java.lang=ALL-UNNAMED");
    command.add("-Xmx384m");
    for (String key :
        List.of(
            "quarkus.datasource.reactive.url",
            "quarkus.datasource.username",
            "quarkus.redis.hosts",
            "vf.dispatch.key-prefix",
            "quarkus.oidc.auth-server-url")) {
      command.add("-D" + key + "=" + config.getValue(key, String.class));
    }
    config
        .getOptionalValue("quarkus.datasource.password", String.class)
        .ifPresent(p -> command.add("-Dquarkus.datasource.password=" + p));
    command.add("-Dquarkus.http.port=" + port);
    // The demo staff the test instance seeded sign in here too; this node seeds nothing itself.
    command.add("-Dvf.security.demo-accounts-allowed=true");
    // The content store is shared between nodes (a shared volume in a cluster).
    command.add(
        "-Dvf.content.root="
            + Path.of(config.getValue("vf.content.root", String.class)).toAbsolutePath());
    command.add("-Dvf.pipeline.ocr-parallelism=0");
    command.add("-Dquarkus.log.category.\"io.voucherflow\".level=DEBUG");
    settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-jar");
    command.add(JAR.toString());

    Path log = Path.of("target/second-instance.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("OMP_THREAD_LIMIT", "1");
    SecondInstance instance = new SecondInstance(builder.start(), port, log);
    try {
      Awaitility.await("second instance ready (log: " + log + ")")
          .atMost(STARTUP)
          .pollInterval(Duration.ofMillis(500))
          .until(instance::ready);
    } catch (RuntimeException e) {
      instance.close();
      throw e;
    }
    return instance;
  }

  /** The base URL of this instance, e.g. {@code http://localhost:41234}. */
  public String url() {
    return "http://localhost:" + port;
  }

  public File log() {
    return log.toFile();
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "second instance exited with " + process.exitValue() + ", see " + log);
    }
    try {
      return given().baseUri(url()).get("/q/health/ready").statusCode() == 200;
    } catch (Exception e) { // RestAssured throws ConnectException undeclared while it starts
      return false;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
