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
   * Starts Redis bound to loopback; with a data directory it keeps an append-only file there. No
   * RDB snapshots either way: under keying load Redis's default rules forked a snapshot every
   * minute, which stalled the keyers' refills for up to two seconds on a 2-core machine, and the
   * append-only file (or, without it, the rebuild from PostgreSQL) already covers a restart. 1 GB
   * holds some 300,000 queued tasks (about 3 KB each with their bodies and exclusions).
   */
  public static EmbeddedRedisService start(int port, Path dataDirectory) throws IOException {
    var builder =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("maxmemory 1gb")
            .setting("save \"\"");
    if (dataDirectory != null) {
      Files.createDirectories(dataDirectory);
      builder
          .setting("dir " + dataDirectory.toAbsolutePath())
          .setting("appendonly yes")
          .setting("appendfsync everysec");
    } else {
      builder.setting("appendonly no");
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
