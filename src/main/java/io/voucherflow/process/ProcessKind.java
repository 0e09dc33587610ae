package io.voucherflow.process;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A business process, bound to business types, or a reusable sub-process (原子流程) that other
 * processes call.
 */
public enum ProcessKind {
  BUSINESS,
  SUBPROCESS;

  /** The name in definitions and the database: {@code business} or {@code subprocess}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ProcessKind> of(String name) {
    return Arrays.stream(values()).filter(k -> k.json().equals(name)).findFirst();
  }
}
