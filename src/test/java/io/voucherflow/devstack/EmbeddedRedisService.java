package io.voucherflow.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * Redis from the codemonstur Maven Central binary, for the run command and tests without a server.
 */
public final class EmbeddedRedisService implements AutoCloseable {

  private final RedisServer server;
  private final int port;

  private EmbeddedRedisService(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts Redis bound to loopback, keeping nothing on disk: PostgreSQL is the source of truth and
   * the platform rebuilds the queues from it at start when Redis comes up empty. Persistence here
   * cost the keyers on a shared 2-core machine: the default RDB rules forked a snapshot every
   * minute under keying load, and the append-only file's rewrite (a 176 MB file at 120,000 queued
   * tasks) kept a core busy for 17 s; either stalled refills for seconds. 1 GB holds some 300,000
   * queued tasks (about 3 KB each with their bodies and exclusions).
   */
  public static EmbeddedRedisService start(int port, Path dataDirectory) throws IOException {
    var builder =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("maxmemory 1gb")
            .setting("save \"\"")
            .setting("appendonly no");
    if (dataDirectory != null) {
      Files.createDirectories(dataDirectory);
      builder.setting("dir " + dataDirectory.toAbsolutePath());
    }
    RedisServer server = builder.build();
    server.start();
    return new EmbeddedRedisService(server, port);
  }

  public String url() {
    return "redis://localhost:" + port;
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }
}
