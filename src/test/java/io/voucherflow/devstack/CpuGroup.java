package io.voucherflow.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A CPU control group for one embedded service, so that it competes for the cores as one service,
 * as it does under systemd or Kubernetes.
 *
 * <p>Why: with {@code kernel.sched_autogroup_enabled} (the default on most desktop and cloud
 * kernels) a process outside any CPU cgroup is scheduled in the group of its session, and every
 * PostgreSQL backend starts a session of its own. Under load, 40 busy backends then weigh 40 times
 * what the whole platform JVM weighs, and the event loops that push keyers their next task wait
 * behind them. Production never runs like that (PostgreSQL and the platform live in their own
 * systemd services or pods), so the embedded stack shouldn't either. Where we may not create a
 * group (no root, a read-only cgroup file system, already in a cgroup), nothing changes.
 */
final class CpuGroup {

  private static final Path V1_CPU = Path.of("/sys/fs/cgroup/cpu");
  private static final Path V2_ROOT = Path.of("/sys/fs/cgroup");

  private final Path directory;

  private CpuGroup(Path directory) {
    this.directory = directory;
  }

  /**
   * Moves {@code process} and all its descendants (later children inherit the group) into a new CPU
   * group named {@code name}; empty when it doesn't apply or isn't allowed here, with the reason in
   * {@code why}.
   */
  static Optional<CpuGroup> place(String name, ProcessHandle process, StringBuilder why) {
    try {
      if (!autogroupEnabled()) {
        why.append("the kernel does not group processes by session");
        return Optional.empty();
      }
      Optional<Path> hierarchy = cpuHierarchy();
      if (hierarchy.isEmpty()) {
        why.append("this process already runs in a CPU cgroup, or none is writable");
        return Optional.empty();
      }
      Path directory = hierarchy.get().resolve(name);
      Files.createDirectories(directory);
      CpuGroup group = new CpuGroup(directory);
      group.add(process);
      process.descendants().forEach(group::add);
      return Optional.of(group);
    } catch (IOException | RuntimeException e) {
      why.append("no CPU cgroup could be made (").append(e.getMessage()).append(')');
      return Optional.empty();
    }
  }

  /** The cgroup's path, for the log line. */
  Path directory() {
    return directory;
  }

  /** Removes the group once its processes are gone; a group still in use stays. */
  void remove() {
    try {
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // Processes still in it (a backend that outlived its postmaster): the kernel keeps it.
    }
  }

  private void add(ProcessHandle process) {
    try {
      Files.writeString(directory.resolve("cgroup.procs"), Long.toString(process.pid()));
    } catch (IOException e) {
      // The process exited between listing and moving it.
    }
  }

  private static boolean autogroupEnabled() throws IOException {
    Path flag = Path.of("/proc/sys/kernel/sched_autogroup_enabled");
    return Files.exists(flag) && Files.readString(flag).trim().equals("1");
  }

  /**
   * The writable CPU hierarchy to create a group in, when this process sits at its root (a process
   * already in a CPU group is scheduled by that group, not by session, and whoever put it there
   * decided its share).
   */
  private static Optional<Path> cpuHierarchy() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("/proc/self/cgroup"));
    for (String line : lines) {
      String[] parts = line.split(":", 3);
      if (parts.length == 3 && List.of(parts[1].split(",")).contains("cpu")) {
        return parts[2].equals("/") && Files.isWritable(V1_CPU.resolve("cgroup.procs"))
            ? Optional.of(V1_CPU)
            : Optional.empty();
      }
    }
    for (String line : lines) {
      if (line.startsWith("0::")) {
        return line.equals("0::/") && v2CpuDelegated() ? Optional.of(V2_ROOT) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean v2CpuDelegated() throws IOException {
    Path control = V2_ROOT.resolve("cgroup.subtree_control");
    if (!Files.isWritable(control)) {
      return false;
    }
    if (!Files.readString(control).contains("cpu")) {
      Files.writeString(control, "+cpu");
    }
    try (Stream<String> enabled = Files.lines(control)) {
      return enabled.anyMatch(l -> List.of(l.split(" ")).contains("cpu"));
    }
  }
}
