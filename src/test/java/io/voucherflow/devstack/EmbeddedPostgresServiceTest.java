package io.voucherflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServiceTest {

  @Test
  void shouldScheduleEveryBackendInTheServersCpuGroup() throws Exception {
    int port = Ports.free();
    String group = "voucherflow-postgres-" + port;
    Path directory;
    try (EmbeddedPostgresService pg = EmbeddedPostgresService.start(port, null)) {
      String placed = pg.groupCpu();
      assumeTrue(placed.startsWith("scheduled"), placed);
      directory = Path.of(placed.substring(placed.lastIndexOf(' ') + 1));
      assertThat(directory.getFileName()).hasToString(group);

      // A connection made after the move: its backend is forked by the server, inside the group.
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
        rs.next();
        assertThat(CpuGroupTest.cpuGroupOf(rs.getLong(1))).endsWith("/" + group);
      }
    }
    assertThat(Files.exists(directory)).as("the group is removed with the server").isFalse();
  }
}
