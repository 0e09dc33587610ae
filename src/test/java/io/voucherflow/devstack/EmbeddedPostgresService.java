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
import java.util.Optional;

/**
 * PostgreSQL from the zonky Maven Central binaries, for the run command and tests without a server.
 */
public final class EmbeddedPostgresService implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final int port;
  private Optional<CpuGroup> cpuGroup = Optional.empty();

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
            .setServerConfig("max_connections", "200")
            // Statement statistics for whoever runs the platform: "create extension
            // pg_stat_statements" in the database, then read the pg_stat_statements view.
            .setServerConfig("shared_preload_libraries", "pg_stat_statements");
    if (dataDirectory != null) {
      Files.createDirectories(dataDirectory);
      builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    }
    return new EmbeddedPostgresService(builder.start(), port);
  }

  /**
   * Puts the server and every backend it will start into one CPU cgroup (see {@link CpuGroup}: each
   * backend is a session of its own and would otherwise be scheduled like a whole program); returns
   * what was done, for the log.
   */
  public String groupCpu() throws SQLException {
    Optional<ProcessHandle> postmaster;
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
      rs.next();
      // Asked while connected: the backend ends with the connection.
      postmaster = ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent);
    }
    if (postmaster.isEmpty()) {
      return "left in the scheduler's default group (its server process was not found)";
    }
    StringBuilder why = new StringBuilder();
    cpuGroup = CpuGroup.place("voucherflow-postgres-" + port, postmaster.get(), why);
    return cpuGroup
        .map(g -> "scheduled as one service in the CPU cgroup " + g.directory())
        .orElse("left in the scheduler's default group: " + why);
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
    cpuGroup.ifPresent(CpuGroup::remove);
  }
}
