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

  /**
   * Cases one sweep works at once (each still one transaction per step); within the reactive pool
   * ({@code VF_PG_POOL_SIZE}), leaving room for requests.
   */
  @WithDefault("8")
  int sweepConcurrency();

  /**
   * Most automatic steps of one case planned in memory and written in one transaction (one version
   * bump, one commit); 1 writes every step on its own.
   */
  @WithDefault("50")
  int stepsPerTransaction();

  /** Most steps one advance of a case takes before it yields to others (a guard against loops). */
  @WithDefault("200")
  int maxStepsPerAdvance();

  /**
   * The {@code PRIORITY_SCORE} rule that scores each human task when it is queued (its version in
   * force on this node); a rule that cannot decide scores 0, above every computed score.
   */
  @WithDefault("priority.default")
  String priorityRule();

  /**
   * How much escalation raises an overdue task's score, in the score's unit (minutes of deadline):
   * one day puts it ahead of every task whose deadline is less than a day earlier.
   */
  @WithDefault("1440")
  long escalationRaise();

  /** Most tasks one queue listing returns. */
  @WithDefault("100")
  int taskPageSize();
}
