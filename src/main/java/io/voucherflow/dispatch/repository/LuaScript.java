package io.voucherflow.dispatch.repository;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Lua script kept as a resource under {@code dispatch/}, run by its SHA (loaded once) and loaded
 * again if Redis forgot it (a restart, SCRIPT FLUSH).
 */
final class LuaScript {

  private final ReactiveRedisDataSource redis;
  private final String name;
  private final String source;
  private volatile String sha;

  LuaScript(ReactiveRedisDataSource redis, String resource) {
    this.redis = redis;
    this.name = resource;
    try (InputStream in = LuaScript.class.getResourceAsStream("/dispatch/" + resource)) {
      if (in == null) {
        throw new IOException("not on the class path");
      }
      this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Missing dispatch script " + resource, e);
    }
  }

  Uni<Response> run(List<String> keys, List<String> args) {
    String known = sha;
    Uni<String> loaded =
        known != null
            ? Uni.createFrom().item(known)
            : redis.execute("SCRIPT", "LOAD", source).map(r -> sha = r.toString());
    return loaded
        .chain(s -> redis.execute("EVALSHA", command(s, keys, args)))
        .onFailure(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT"))
        .recoverWithUni(
            () -> {
              sha = null;
              return redis.execute("EVAL", command(source, keys, args));
            });
  }

  @Override
  public String toString() {
    return name;
  }

  private static String[] command(String scriptOrSha, List<String> keys, List<String> args) {
    String[] parts = new String[2 + keys.size() + args.size()];
    parts[0] = scriptOrSha;
    parts[1] = Integer.toString(keys.size());
    int i = 2;
    for (String k : keys) {
      parts[i++] = k;
    }
    for (String a : args) {
      parts[i++] = a;
    }
    return parts;
  }
}
