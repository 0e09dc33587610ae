package io.voucherflow.keying.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Keying settings (prefix {@code vf.keying}). */
@ConfigMapping(prefix = "vf.keying")
public interface KeyingConfig {

  /** The post whose keyers key fields. */
  @WithDefault("KEYING")
  String keyPost();

  /** The post whose arbiters resolve keys that differ. */
  @WithDefault("ARBITRATION")
  String arbitrationPost();

  /**
   * OCR confidence (0–1) from which one keyer's matching key confirms OCR instead of two
   * independent keys; per field kind in {@link #ocrThresholds()}.
   */
  @WithDefault("0.98")
  double ocrThreshold();

  /** Thresholds per field kind (JSON name, e.g. {@code amount_figures}) overriding the default. */
  Map<String, Double> ocrThresholds();

  /** Arbitration: {@code pick} shows both keys to choose from, {@code blind} shows none. */
  @WithDefault("pick")
  String arbitration();

  /** The PRIORITY_SCORE rule that orders the queues. */
  @WithDefault("priority.default")
  String priorityRule();

  /** Most completions written to PostgreSQL in one statement. */
  @WithDefault("512")
  int writeBatch();

  /** Longest a completion waits for others to share its commit. */
  @WithDefault("2ms")
  Duration writeDelay();

  /** Commits of completions in flight at once. */
  @WithDefault("4")
  int writesInFlight();

  /** Take over the key_slice / key_whole tasks the case engine opens (off in tests). */
  @WithDefault("true")
  boolean intakeEnabled();

  /** How often new case tasks are looked for. */
  @WithDefault("1s")
  String intakeEvery();

  /** Most case tasks taken over in one look. */
  @WithDefault("100")
  int intakeBatch();

  /**
   * How far back each look for new case tasks reaches (by their creation): it reads only what
   * arrived in this window, so its cost does not grow with the backlog or the day's history.
   */
  @WithDefault("30s")
  Duration intakeLookback();

  /**
   * How many open keying case tasks each look also reads of the whole backlog, going round it (a
   * safety net for any the short looks missed).
   */
  @WithDefault("500")
  int intakeChunk();

  /**
   * How often fields and vouchers a crash left unsettled or unfinished are looked for (with the
   * intake).
   */
  @WithDefault("5m")
  String recoverEvery();

  /** The keyers' WebSocket {@code /ws/keying} and the keyer console page. */
  Console console();

  /** Settings of the keying WebSocket and console (prefix {@code vf.keying.console}). */
  interface Console {

    /** Most tasks a keyer may ask to hold at once with {@code ready}. */
    @WithDefault("5")
    int maxCredit();

    /**
     * Tasks a console with a credit above 0 keeps claimed off screen, ready to push the moment its
     * keyer finishes one: the refill then waits for no dispatcher call, slice read or encoding. 0
     * turns it off.
     */
    @WithDefault("1")
    int ahead();

    /**
     * How many tasks the post's queue must hold for a console to claim work ahead: below it every
     * task stays queued for whoever is free, so nobody idles while another holds work unseen.
     */
    @WithDefault("50")
    long aheadWhenQueued();

    /** Messages one connection may send per second on average (token bucket refill). */
    @WithDefault("20")
    int messagesPerSecond();

    /** Messages one connection may send in a burst above the average. */
    @WithDefault("40")
    int messageBurst();

    /**
     * How long a keyer's tasks stay theirs after their last console closed, so a reconnect (a
     * network blip, a page reload) gets the same slices back; then they return to their queues.
     */
    @WithDefault("5s")
    Duration releaseGrace();

    /** The window over which a keyer's fields/hour, keystrokes/hour and accuracy are counted. */
    @WithDefault("1h")
    Duration statsWindow();

    /** The public OIDC client the console page signs in with (authorization code + PKCE). */
    @WithDefault("voucherflow-console")
    String clientId();

    /** The realm URL as browsers reach it; the API's own OIDC URL unless a proxy differs. */
    @WithDefault("${quarkus.oidc.auth-server-url}")
    String authServerUrl();
  }
}
