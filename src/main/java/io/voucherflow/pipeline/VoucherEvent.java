package io.voucherflow.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ring buffer's slot: preallocated once and reused for every voucher that passes through it, so
 * the pipeline allocates no event objects. Stages keep their results in {@link #attributes} under
 * typed keys; {@link #reset} clears the slot before it is filled again.
 */
public final class VoucherEvent {

  private VoucherWork work;
  private long publishedNanos;
  private String failedStage;
  private Throwable failure;
  private final Map<StageKey<?>, Object> attributes = new LinkedHashMap<>();
  private final Map<String, Long> stageNanos = new LinkedHashMap<>();

  void reset(VoucherWork next, long nowNanos) {
    release();
    stageNanos.clear();
    work = next;
    publishedNanos = nowNanos;
    failedStage = null;
    failure = null;
  }

  /**
   * Frees what the stages left (native image memory) as soon as the voucher has been handed over.
   */
  void release() {
    attributes.values().forEach(VoucherEvent::closeQuietly);
    attributes.clear();
  }

  public UUID voucherId() {
    return work.id();
  }

  /** The accepted voucher this slot carries. */
  public VoucherWork work() {
    return work;
  }

  public long publishedNanos() {
    return publishedNanos;
  }

  public <T> T get(StageKey<T> key) {
    return key.type().cast(attributes.get(key));
  }

  /** Stores a stage result; a previous value that holds native memory is closed. */
  public <T> void put(StageKey<T> key, T value) {
    closeQuietly(attributes.put(key, value));
  }

  public boolean failed() {
    return failure != null;
  }

  public String failedStage() {
    return failedStage;
  }

  public Throwable failure() {
    return failure;
  }

  void fail(String stage, Throwable cause) {
    failedStage = stage;
    failure = cause;
  }

  void recordStage(String stage, long nanos) {
    stageNanos.put(stage, nanos);
  }

  /** Milliseconds each stage took for this voucher, in pipeline order. */
  public Map<String, Double> stageMillis() {
    Map<String, Double> millis = new LinkedHashMap<>();
    stageNanos.forEach((stage, nanos) -> millis.put(stage, nanos / 1_000_000.0));
    return millis;
  }

  private static void closeQuietly(Object value) {
    if (value instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // Releasing native image memory; nothing useful to do if it fails.
      }
    }
  }
}
