package io.voucherflow.keying.websocket;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** What a keyer's console sends on {@code /ws/keying}; {@code type} names the message. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClientMessage.Ready.class, name = "ready"),
  @JsonSubTypes.Type(value = ClientMessage.Submit.class, name = "submit"),
  @JsonSubTypes.Type(value = ClientMessage.Skip.class, name = "skip"),
  @JsonSubTypes.Type(value = ClientMessage.Unreadable.class, name = "unreadable"),
  @JsonSubTypes.Type(value = ClientMessage.Heartbeat.class, name = "heartbeat"),
  @JsonSubTypes.Type(value = ClientMessage.Stats.class, name = "stats")
})
@RegisterForReflection(
    targets = {
      ClientMessage.Ready.class,
      ClientMessage.Submit.class,
      ClientMessage.Skip.class,
      ClientMessage.Unreadable.class,
      ClientMessage.Heartbeat.class,
      ClientMessage.Stats.class
    })
public sealed interface ClientMessage {

  /** Keep me topped up to {@code credit} tasks (the configured credit when absent). */
  record Ready(Integer credit) implements ClientMessage {}

  /** The key of a held task; {@code keystrokes} and {@code millis} feed the statistics. */
  record Submit(UUID taskId, String value, Integer keystrokes, Integer millis)
      implements ClientMessage {}

  /** Give a held task back; this keyer will not get that field again. */
  record Skip(UUID taskId) implements ClientMessage {}

  /** The slice cannot be read. */
  record Unreadable(UUID taskId) implements ClientMessage {}

  /** Still here; tops up if a wake-up was missed. */
  record Heartbeat(Long at) implements ClientMessage {}

  /** Send me my statistics. */
  record Stats(Long at) implements ClientMessage {}
}
