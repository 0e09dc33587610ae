package io.voucherflow.keying.websocket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.voucherflow.keying.KeyerStats;
import io.voucherflow.keying.KeyingKind;
import io.voucherflow.keying.ShownTask;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** What {@code /ws/keying} sends to a keyer's console; {@code type} names the message. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ServerMessage.Task.class, name = "task"),
  @JsonSubTypes.Type(value = ServerMessage.Accepted.class, name = "accepted"),
  @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
  @JsonSubTypes.Type(value = ServerMessage.Stats.class, name = "stats")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection(
    targets = {
      ServerMessage.Task.class,
      ServerMessage.Hints.class,
      ServerMessage.Accepted.class,
      ServerMessage.Error.class,
      ServerMessage.Stats.class
    })
public sealed interface ServerMessage {

  /**
   * A task to key. The slice travels inline ({@code data:image/png;base64,…}): it is a few KB, it
   * arrives with the task so the prefetched slice is on screen at once, and no second credential (a
   * signed URL) is needed for an {@code <img>} the browser could not send a bearer token for.
   *
   * @param shown the two keys to choose from, for an arbitration in pick mode
   * @param leaseUntil when the lease runs out; absent for a task shown again after a reconnect
   */
  record Task(
      UUID taskId,
      String field,
      String fieldKind,
      KeyingKind kind,
      boolean whole,
      Hints hints,
      String image,
      List<String> shown,
      Instant leaseUntil)
      implements ServerMessage {

    static Task of(ShownTask t) {
      var body = t.assignment().task();
      return new Task(
          t.assignment().taskId(),
          body.field(),
          body.fieldKind(),
          body.kind(),
          body.whole(),
          Hints.of(body.fieldKind()),
          t.slicePng() == null
              ? null
              : "data:image/png;base64," + Base64.getEncoder().encodeToString(t.slicePng()),
          body.shown(),
          t.assignment().leaseUntil());
    }
  }

  /**
   * How the console's input should behave for the field's kind.
   *
   * @param inputMode the HTML {@code inputmode} (decimal for figures and dates, text otherwise)
   * @param ime whether an input method is expected (Chinese names and words)
   */
  record Hints(String inputMode, boolean ime, int maxLength, String placeholder) {

    static Hints of(String kind) {
      return switch (kind == null ? "" : kind) {
        case "amount_figures" -> new Hints("decimal", false, 20, "1409.50");
        case "date" -> new Hints("decimal", false, 10, "2026-01-15");
        case "account", "number" -> new Hints("numeric", false, 40, "");
        case "payment_password" -> new Hints("numeric", false, 16, "");
        case "amount_words" -> new Hints("text", true, 60, "壹仟肆佰零玖元伍角");
        case "date_words" -> new Hints("text", true, 30, "贰零贰陆年零壹月壹拾伍日");
        default -> new Hints("text", true, 120, "");
      };
    }
  }

  /** The key (or skip, or unreadable) of this task is recorded. */
  record Accepted(UUID taskId) implements ServerMessage {}

  /** Something was refused; the connection stays open. */
  record Error(String code, String message, UUID taskId) implements ServerMessage {}

  /** The keyer's statistics over the window and their post's queue depth. */
  record Stats(long fieldsPerHour, long keystrokesPerHour, Double accuracy, long queueDepth)
      implements ServerMessage {

    static Stats of(KeyerStats s) {
      return new Stats(s.fieldsPerHour(), s.keystrokesPerHour(), s.accuracy(), s.queueDepth());
    }
  }
}
