package io.voucherflow.keying;

import java.util.Comparator;
import java.util.List;

/**
 * What a field's keys decide: wait for more keys, a final value (with the keys that lost), a second
 * key (the one key did not confirm OCR), or an arbitration (two keys differ).
 */
public record Settlement(Action action, String finalValue, Source source, List<KeyingTask> losers) {

  /** What to do next with the field. */
  public enum Action {
    WAIT,
    FINAL,
    SECOND_KEY,
    ARBITRATE
  }

  /** How the final value was reached (keying_result.source). */
  public enum Source {
    OCR_CONFIRMED,
    MATCH,
    ARBITRATED,
    UNREADABLE
  }

  private static final Settlement WAIT = new Settlement(Action.WAIT, null, null, List.of());

  /** Decides the field from its tasks; pure, so it can be tested alone. */
  public static Settlement of(FieldKeys f) {
    if (f.tasks().stream().anyMatch(t -> !t.state().finished())) {
      return WAIT;
    }
    KeyingTask arbitration =
        f.tasks().stream().filter(t -> t.kind() == KeyingKind.ARBITRATE).findFirst().orElse(null);
    List<KeyingTask> keys =
        f.tasks().stream()
            .filter(t -> t.kind() == KeyingKind.KEY && t.state() != KeyingState.WITHDRAWN)
            .sorted(Comparator.comparingInt(KeyingTask::keyNo))
            .toList();
    if (arbitration != null) {
      if (arbitration.state() == KeyingState.UNREADABLE) {
        return new Settlement(Action.FINAL, null, Source.UNREADABLE, List.of());
      }
      String decided = arbitration.value();
      List<KeyingTask> losers =
          keys.stream().filter(k -> !KeyComparator.same(f.kind(), k.value(), decided)).toList();
      return new Settlement(
          Action.FINAL, KeyComparator.canonical(f.kind(), decided), Source.ARBITRATED, losers);
    }
    if (keys.isEmpty()) {
      return WAIT;
    }
    KeyingTask first = keys.getFirst();
    if (keys.size() == 1) {
      // One key was asked for because OCR was confident: it must state what OCR read.
      return first.state() == KeyingState.DONE
              && KeyComparator.same(f.kind(), f.ocrValue(), first.value())
          ? new Settlement(
              Action.FINAL,
              KeyComparator.canonical(f.kind(), first.value()),
              Source.OCR_CONFIRMED,
              List.of())
          : new Settlement(Action.SECOND_KEY, null, null, List.of());
    }
    KeyingTask second = keys.get(1);
    boolean agree =
        first.state() == KeyingState.DONE
            && second.state() == KeyingState.DONE
            && KeyComparator.same(f.kind(), first.value(), second.value());
    return agree
        ? new Settlement(
            Action.FINAL, KeyComparator.canonical(f.kind(), first.value()), Source.MATCH, List.of())
        : new Settlement(Action.ARBITRATE, null, null, List.of());
  }
}
