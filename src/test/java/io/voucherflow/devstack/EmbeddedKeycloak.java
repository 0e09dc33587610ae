package io.voucherflow.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak from its Maven Central distribution ({@code org.keycloak:keycloak-quarkus-dist}),
 * started in dev mode with the VoucherFlow realm imported. The distribution is unpacked once into
 * {@code home} and reused; the realm's database lives in {@code dataDirectory}.
 */
public final class EmbeddedKeycloak implements AutoCloseable {

  public static final String REALM = "voucherflow";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

  private final Process process;
  private final int port;

  private EmbeddedKeycloak(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Unpacks (once) and starts Keycloak. {@code distribution} is the tar.gz, {@code home} where it
   * is unpacked, {@code realmFile} the realm to import, {@code log} where its output goes.
   */
  public static EmbeddedKeycloak start(
      Path distribution, Path home, Path realmFile, Path dataDirectory, int port, Path log)
      throws IOException, InterruptedException {
    Path kc = unpack(distribution, home);
    Path imports = kc.resolve("data/import");
    Files.createDirectories(imports);
    Files.copy(
        realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(dataDirectory);
    Files.createDirectories(log.getParent());
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    kc.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-port=" + port,
                    "--http-host=127.0.0.1",
                    "--import-realm",
                    "--health-enabled=true",
                    // Its own management port: the default 9000 collides with a second run.
                    "--http-management-port=" + Ports.free(),
                    "--db-url=jdbc:h2:file:"
                        + dataDirectory.toAbsolutePath().resolve("keycloakdb")
                        + ";NON_KEYWORDS=VALUE"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
    pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin");
    pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin");
    EmbeddedKeycloak keycloak = new EmbeddedKeycloak(pb.start(), port);
    keycloak.awaitReady(log);
    return keycloak;
  }

  private static Path unpack(Path distribution, Path home)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(distribution)) {
      throw new IllegalStateException(
          "Keycloak distribution not found at " + distribution + "; run ./mvnw package first");
    }
    String dirName =
        distribution
            .getFileName()
            .toString()
            .replace("keycloak-quarkus-dist-", "keycloak-")
            .replace(".tar.gz", "");
    Path kc = home.resolve(dirName);
    if (Files.isExecutable(kc.resolve("bin/kc.sh"))) {
      return kc;
    }
    Files.createDirectories(home);
    Process tar =
        new ProcessBuilder(
                "tar", "xzf", distribution.toAbsolutePath().toString(), "-C", home.toString())
            .inheritIO()
            .start();
    if (tar.waitFor() != 0 || !Files.isExecutable(kc.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("Could not unpack " + distribution + " into " + home);
    }
    return kc;
  }

  private void awaitReady(Path log) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    close();
    throw new IllegalStateException(
        "Keycloak was not ready within " + READY_TIMEOUT + "; see " + log);
  }

  public int port() {
    return port;
  }

  /** The realm's issuer URL, which is what {@code VF_OIDC_URL} takes. */
  public String issuer() {
    return "http://localhost:" + port + "/realms/" + REALM;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
