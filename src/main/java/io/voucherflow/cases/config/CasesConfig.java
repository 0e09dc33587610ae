package io.voucherflow.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Case engine settings (prefix {@code vf.cases}). */
@ConfigMapping(prefix = "vf.cases")
public interface CasesConfig {

  /** Start cases for handed-over vouchers and resume pending cases (off only to test the sweep). */
  @WithDefault("true")
  boolean sweepEnabled();

  /**
   * How often the sweep runs (also read by its {@code @Scheduled} expression): the longest a
   * handed-over voucher waits for its case, and a crashed case for its resumption.
   */
  @WithDefault("2s")
  String sweepEvery();

  /** Vouchers started, and cases resumed, per sweep run. */
  @WithDefault("50")
  int sweepBatch();

  /** Most steps one advance of a case takes before it yields to others (a guard against loops). */
  @WithDefault("200")
  int maxStepsPerAdvance();

  /** Most tasks one queue listing returns. */
  @WithDefault("100")
  int taskPageSize();
}
