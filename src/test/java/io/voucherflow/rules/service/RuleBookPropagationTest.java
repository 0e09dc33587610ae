package io.voucherflow.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.voucherflow.rules.RuleCompiler;
import io.voucherflow.rules.RuleFixtures;
import io.voucherflow.rules.config.RulesConfig;
import io.voucherflow.rules.repository.ActiveRuleRepository;
import io.voucherflow.rules.repository.RuleChangeNotifier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #4's "done when": a rule activated through the API on one node is in force on another node
 * within 1 s, without a restart. The other node is a second rule book with its own PostgreSQL pool,
 * its own Redis client and its own cache, kept current by the same {@link RuleBookSync} code; its
 * safety reload is an hour, so only the Redis announcement can bring the change in time.
 */
@QuarkusTest
class RuleBookPropagationTest {

  private static final Duration IN_FORCE_WITHIN = Duration.ofSeconds(1);
  private static final Map<String, Object> LARGE = Map.of("voucher.amountCents", 70_000_000L);

  @Inject Vertx vertx;
  @Inject RulesConfig config;
  @Inject RuleBook localBook;

  private Pool otherPool;
  private Redis otherRedis;
  private RuleChangeNotifier otherNotifier;
  private RuleBook otherBook;
  private RuleBookSync otherSync;

  @BeforeEach
  void startAnotherNode() {
    var cfg = ConfigProvider.getConfig();
    PgConnectOptions pg =
        PgConnectOptions.fromUri(cfg.getValue("quarkus.datasource.reactive.url", String.class))
            .setUser(cfg.getValue("quarkus.datasource.username", String.class))
            .setPassword(
                cfg.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    otherPool = PgPool.pool(vertx, pg, new PoolOptions().setMaxSize(2));
    otherRedis = Redis.createClient(vertx, cfg.getValue("quarkus.redis.hosts", String.class));
    otherNotifier =
        new RuleChangeNotifier(otherRedis, vertx, config.channel(), config.resubscribeDelay());
    otherBook = new RuleBook(new ActiveRuleRepository(otherPool), new RuleCompiler());
    otherSync = new RuleBookSync(otherBook, otherNotifier, vertx, Duration.ofHours(1));
    otherSync.start().await().atMost(Duration.ofSeconds(10));
  }

  @AfterEach
  void stopIt() {
    otherSync.stop().await().atMost(Duration.ofSeconds(10));
    otherRedis.close();
    otherPool.closeAndAwait();
  }

  @Test
  void shouldPutAnActivationInForceOnAnotherNodeWithinOneSecond() {
    assertThat(otherBook.versions()).containsEntry("phone-verification.large-amount", 1);

    String code = RuleFixtures.newCode();
    RuleFixtures.create(code, "voucher.amountCents >= 50000000");
    RuleFixtures.saveVersion(code, "voucher.amountCents >= 80000000");

    RuleFixtures.activate(code, 1);
    assertThat(localBook.evaluate(code, LARGE)).as("this node, at once").isEqualTo(true);
    await().atMost(IN_FORCE_WITHIN).until(() -> otherBook.active(code).isPresent());
    assertThat(otherBook.evaluate(code, LARGE)).isEqualTo(true);

    RuleFixtures.activate(code, 2);
    await()
        .atMost(IN_FORCE_WITHIN)
        .until(() -> otherBook.active(code).map(r -> r.version() == 2).orElse(false));
    assertThat(otherBook.evaluate(code, LARGE))
        .as("new cases now route differently")
        .isEqualTo(false);

    // Rolling back is an activation like any other.
    RuleFixtures.activate(code, 1);
    await()
        .atMost(IN_FORCE_WITHIN)
        .until(() -> otherBook.active(code).map(r -> r.version() == 1).orElse(false));
  }

  @Test
  void shouldCatchUpAfterLosingItsRedisConnection() {
    String code = RuleFixtures.newCode();
    RuleFixtures.create(code, "voucher.amountCents >= 50000000");
    kill(otherNotifier.connectionName());

    // Announced while the other node may not be listening: it reloads everything on resubscribing.
    RuleFixtures.activate(code, 1);
    await()
        .atMost(config.resubscribeDelay().plus(Duration.ofSeconds(3)))
        .until(() -> otherBook.active(code).isPresent());

    RuleFixtures.saveVersion(code, "voucher.amountCents >= 80000000");
    RuleFixtures.activate(code, 2);
    await()
        .atMost(IN_FORCE_WITHIN)
        .until(() -> otherBook.active(code).map(r -> r.version() == 2).orElse(false));
  }

  /** Closes the named client's connection at the server, as a network failure would. */
  private void kill(String clientName) {
    String list =
        otherRedis.send(Request.cmd(Command.CLIENT).arg("LIST")).await().indefinitely().toString();
    String id =
        Arrays.stream(list.split("\n"))
            .filter(line -> line.contains(" name=" + clientName + " "))
            .map(line -> line.substring(3, line.indexOf(' ')))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Redis client named " + clientName));
    otherRedis
        .send(Request.cmd(Command.CLIENT).arg("KILL").arg("ID").arg(id))
        .await()
        .indefinitely();
  }
}
