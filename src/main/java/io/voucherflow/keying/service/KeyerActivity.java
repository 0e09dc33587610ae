package io.voucherflow.keying.service;

import io.voucherflow.keying.config.KeyingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fields and keystrokes each keyer finished on this instance, in one-minute buckets over the
 * statistics window. Counted in memory rather than read from keying_task: that table is kept nearly
 * index-free for the completion hot path, so "my keys of the last hour" has no cheap query.
 */
@ApplicationScoped
public class KeyerActivity {

  private final Duration window;
  private final Map<Long, Buckets> keyers = new ConcurrentHashMap<>();

  @Inject
  public KeyerActivity(KeyingConfig config) {
    this.window = config.console().statsWindow();
  }

  /** One field finished by the keyer, with the keystrokes it took (null when not measured). */
  public void finished(long keyer, Integer keystrokes, Instant at) {
    keyers
        .computeIfAbsent(keyer, k -> new Buckets())
        .add(at, keystrokes == null ? 0 : keystrokes, window);
  }

  /** The keyer's fields and keystrokes in the window, and the span they were counted over. */
  public Counts counts(long keyer, Instant now) {
    Buckets b = keyers.get(keyer);
    return b == null ? new Counts(0, 0, Duration.ofMinutes(1)) : b.counts(now, window);
  }

  /** The start of the statistics window. */
  public Instant windowStart(Instant now) {
    return now.minus(window);
  }

  /** Counts over a span: the window, or less when the keyer began within it (at least a minute). */
  public record Counts(long fields, long keystrokes, Duration span) {

    /** The count scaled to an hour. */
    public long perHour(long count) {
      return Math.round(count * 3600.0 / Math.max(60, span.toSeconds()));
    }
  }

  private static final class Buckets {
    private final Deque<long[]> minutes = new ArrayDeque<>(); // {epoch minute, fields, keystrokes}

    synchronized void add(Instant at, int keystrokes, Duration window) {
      long minute = at.getEpochSecond() / 60;
      long[] last = minutes.peekLast();
      if (last == null || last[0] != minute) {
        last = new long[] {minute, 0, 0};
        minutes.addLast(last);
      }
      last[1]++;
      last[2] += keystrokes;
      drop(at, window);
    }

    synchronized Counts counts(Instant now, Duration window) {
      drop(now, window);
      long fields = 0;
      long keystrokes = 0;
      for (long[] m : minutes) {
        fields += m[1];
        keystrokes += m[2];
      }
      Duration span =
          minutes.isEmpty()
              ? window
              : Duration.ofSeconds(now.getEpochSecond() - minutes.peekFirst()[0] * 60);
      return new Counts(fields, keystrokes, span.compareTo(window) > 0 ? window : span);
    }

    private void drop(Instant now, Duration window) {
      long oldest = now.minus(window).getEpochSecond() / 60;
      while (!minutes.isEmpty() && minutes.peekFirst()[0] < oldest) {
        minutes.removeFirst();
      }
    }
  }
}
