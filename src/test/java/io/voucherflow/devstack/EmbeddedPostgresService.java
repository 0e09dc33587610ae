package io.voucherflow.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL from the zonky Maven Central binaries, for the run command and tests without a server.
 */
public final class EmbeddedPostgresService implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedPostgresService(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  /**
   * Starts PostgreSQL on {@code port}; with a data directory the data survives restarts, without
   * one it is temporary.
   */
  public static EmbeddedPostgresService start(int port, Path dataDirectory) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "200");
    if (dataDirectory != null) {
      Files.createDirectories(dataDirectory);
      builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    }
    return new EmbeddedPostgresService(builder.start(), port);
  }

  /** Creates the database unless it exists. */
  public void ensureDatabase(String name) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        if (!rs.next()) {
          s.execute("create database " + name);
        }
      }
    }
  }

  public int port() {
    return port;
  }

  /** The reactive URL form the application expects in {@code VF_PG_URL}. */
  public String url(String database) {
    return "postgresql://localhost:" + port + "/" + database;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
