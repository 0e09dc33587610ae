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

  /** Starts Redis bound to loopback; with a data directory it keeps an append-only file there. */
  public static EmbeddedRedisService start(int port, Path dataDirectory) throws IOException {
    var builder =
        RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("maxmemory 512mb");
    if (dataDirectory != null) {
      Files.createDirectories(dataDirectory);
      builder
          .setting("dir " + dataDirectory.toAbsolutePath())
          .setting("appendonly yes")
          .setting("appendfsync everysec");
    } else {
      builder.setting("save \"\"").setting("appendonly no");
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
