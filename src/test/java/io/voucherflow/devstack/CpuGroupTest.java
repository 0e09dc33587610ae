package io.voucherflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuGroupTest {

  @Test
  void shouldScheduleAServiceAndTheChildrenItStartsLaterInOneGroup() throws Exception {
    // A stand-in for a postmaster: one child now, another a second later (a backend forked on
    // demand).
    Process service = new ProcessBuilder("sh", "-c", "sleep 30 & sleep 1; sleep 30 & wait").start();
    try {
      ProcessHandle root = service.toHandle();
      StringBuilder why = new StringBuilder();
      Optional<CpuGroup> group = CpuGroup.place("voucherflow-test-" + root.pid(), root, why);
      assumeTrue(group.isPresent(), () -> "no CPU cgroup on this machine: " + why);
      try {
        String name = group.get().directory().getFileName().toString();
        assertThat(cpuGroupOf(root.pid())).endsWith("/" + name);
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(10))
            .until(() -> root.children().count() == 2);
        assertThat(root.descendants().map(p -> cpuGroupOf(p.pid())))
            .hasSize(2)
            .allMatch(g -> g.endsWith("/" + name));
      } finally {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        service.destroyForcibly().waitFor();
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(10))
            .until(() -> removed(group.get()));
      }
    } finally {
      service.destroyForcibly();
    }
  }

  private static boolean removed(CpuGroup group) {
    group.remove();
    return !Files.exists(group.directory());
  }

  /** The process's CPU cgroup path, from the cpu line in v1 or the unified line in v2. */
  static String cpuGroupOf(long pid) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"));
      return lines.stream()
          .map(l -> l.split(":", 3))
          .filter(p -> List.of(p[1].split(",")).contains("cpu"))
          .map(p -> p[2])
          .findFirst()
          .orElseGet(
              () ->
                  lines.stream()
                      .filter(l -> l.startsWith("0::"))
                      .map(l -> l.substring(3))
                      .findFirst()
                      .orElse(""));
    } catch (IOException e) {
      return "gone";
    }
  }
}
