package io.voucherflow.dispatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Dispatcher settings (prefix {@code vf.dispatch}). */
@ConfigMapping(prefix = "vf.dispatch")
public interface DispatchConfig {

  /** Prefix of every Redis key the dispatcher owns; lets several environments share one Redis. */
  @WithDefault("vf:")
  String keyPrefix();

  /** How long a keyer may hold a claimed task before it returns to its queue. */
  @WithDefault("120s")
  Duration lease();

  /** How many tasks at the top of a queue a claim looks through for one this keyer may take. */
  @WithDefault("50")
  int scanDepth();

  /**
   * Most slices of one voucher one keyer may see (split knowledge: nobody sees a whole voucher
   * through its slices); whole-voucher entry does not count.
   */
  @WithDefault("2")
  int maxSlicesPerVoucher();

  /** Prefetch credit: most tasks a keyer holds at once, so the next slice is already on screen. */
  @WithDefault("2")
  int credit();

  /** How often the reaper returns expired leases to their queues (safe on every instance). */
  @WithDefault("1s")
  String reapEvery();

  /** Most expired leases one reaper run returns. */
  @WithDefault("1000")
  int reapBatch();

  /** Rebuild the queues from PostgreSQL at start when Redis has lost them. */
  @WithDefault("true")
  boolean rebuildOnStart();
}
