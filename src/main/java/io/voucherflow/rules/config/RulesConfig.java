package io.voucherflow.rules.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** Rule management and the live rule book (prefix {@code vf.rules}). */
@ConfigMapping(prefix = "vf.rules")
public interface RulesConfig {

  /**
   * Redis pub/sub channel on which activations are announced to every node; under the dispatch key
   * prefix by default, so environments (and test runs) sharing one Redis never hear each other.
   */
  @WithDefault("${vf.dispatch.key-prefix:vf:}rules:activated")
  String channel();

  /** How often every node reloads all active rules from PostgreSQL, in case a message was lost. */
  @WithDefault("30s")
  Duration safetyReload();

  /** Wait before subscribing again after the Redis connection was lost. */
  @WithDefault("1s")
  Duration resubscribeDelay();

  /** Seed the shipped default rules (src/main/resources/rules) when their code is absent. */
  @WithDefault("true")
  boolean seed();

  /** Time zone of the operations centre: the {@code now.*} facts are local times there. */
  @WithDefault("Asia/Shanghai")
  ZoneId zone();

  /**
   * Payment-system cut-off ({@code cutoff.minuteOfDay}) for facts built from a stored voucher,
   * until the process engine supplies one per business type.
   */
  @WithDefault("17:00")
  LocalTime cutoff();
}
