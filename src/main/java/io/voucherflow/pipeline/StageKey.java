package io.voucherflow.pipeline;

/** A typed name for a stage result kept on a {@link VoucherEvent}. */
public record StageKey<T>(String name, Class<T> type) {

  public static <T> StageKey<T> of(String name, Class<T> type) {
    return new StageKey<>(name, type);
  }
}
