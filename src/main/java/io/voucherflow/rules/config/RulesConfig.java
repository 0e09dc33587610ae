package io.voucherflow.rules.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
   * Payment-system cut-off ({@code cutoff.minuteOfDay}) of business types without one of their own
   * (the large-value system's daily close).
   */
  @WithDefault("17:00")
  LocalTime cutoff();

  /** Cut-off per business type, e.g. {@code vf.rules.cutoff-by-type.REMITTANCE=16:00}. */
  @WithName("cutoff-by-type")
  Map<String, LocalTime> cutoffByType();

  /** Days of the week the payment systems are open. */
  @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
  List<DayOfWeek> openDays();

  /** Holidays on which the payment systems are closed although the weekday is open (ISO dates). */
  Optional<List<LocalDate>> closedDates();

  /** Make-up working days (调休) on which they are open although the weekday is not (ISO dates). */
  Optional<List<LocalDate>> openDates();
}
