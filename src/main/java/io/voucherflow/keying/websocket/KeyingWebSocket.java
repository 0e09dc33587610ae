package io.voucherflow.keying.websocket;

import io.quarkus.security.ForbiddenException;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.TextDecodeException;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.common.error.VoucherFlowException;
import io.voucherflow.keying.KeySubmission;
import io.voucherflow.keying.service.KeyingConsole;
import io.voucherflow.keying.websocket.KeyerConsoles.Console;
import io.voucherflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The keyers' way in: {@code /ws/keying}. On connect the console gets the tasks its keyer already
 * holds and is topped up to its credit; after every key, skip or unreadable it is topped up again,
 * so the next slice is already on screen. Messages are {@link ClientMessage} and {@link
 * ServerMessage}; a refused or malformed message is answered with an {@code error} and the
 * connection stays open. Authorised at the upgrade: the roles here, duty in {@link
 * KeyingUpgradeCheck}.
 */
@WebSocket(path = "/ws/keying", endpointId = KeyingWebSocket.ID)
@RolesAllowed({Roles.KEYER, Roles.ARBITER})
public class KeyingWebSocket {

  static final String ID = "keying";
  private static final Logger LOG = Logger.getLogger(KeyingWebSocket.class);

  private final KeyerConsoles consoles;
  private final KeyingConsole keying;

  @Inject
  public KeyingWebSocket(KeyerConsoles consoles, KeyingConsole keying) {
    this.consoles = consoles;
    this.keying = keying;
  }

  @OnOpen
  public Uni<Void> open(WebSocketConnection connection) {
    Console c =
        consoles.open(
            connection,
            connection.userData().get(KeyingUpgradeCheck.KEYER),
            connection.userData().get(KeyingUpgradeCheck.CREDIT));
    return consoles.resume(c);
  }

  @OnTextMessage
  public Uni<Void> message(ClientMessage message, WebSocketConnection connection) {
    Console c = consoles.of(connection);
    if (!c.budget().take(System.nanoTime())) {
      return send(
          connection,
          "keying.ws.rate-limited",
          "Too many messages; this one was dropped",
          taskOf(message));
    }
    return switch (message) {
      case ClientMessage.Ready r -> consoles.credit(c, r.credit()).chain(() -> consoles.topUp(c));
      case ClientMessage.Submit s -> {
        UUID taskId = requireTask(s.taskId());
        KeySubmission key = new KeySubmission(s.value(), s.keystrokes(), s.millis());
        yield finished(c, taskId, refill -> keying.submit(c.keyer(), taskId, key, refill));
      }
      case ClientMessage.Unreadable u -> {
        UUID taskId = requireTask(u.taskId());
        yield finished(c, taskId, refill -> keying.unreadable(c.keyer(), taskId, refill));
      }
      case ClientMessage.Skip s -> {
        UUID taskId = requireTask(s.taskId());
        yield finished(c, taskId, refill -> keying.skip(c.keyer(), taskId).invoke(refill));
      }
      case ClientMessage.Heartbeat h -> onDutyOrClose(c).chain(() -> consoles.topUp(c));
      case ClientMessage.Stats s ->
          keying
              .stats(c.keyer())
              .chain(stats -> connection.sendText(ServerMessage.Stats.of(stats)));
    };
  }

  @OnClose
  public void close(WebSocketConnection connection) {
    consoles.close(connection);
  }

  /** A refused key, skip or unreadable: its stable code and the task it was about. */
  @OnError
  public Uni<Void> refused(TaskRefused e, WebSocketConnection connection) {
    Console c = consoles.of(connection);
    if (e.gone()) {
      consoles.done(c, e.taskId());
    }
    return send(connection, e.code(), e.getMessage(), e.taskId()).chain(() -> consoles.topUp(c));
  }

  /** Any other refusal with a stable code (a message without a task, the dispatcher down). */
  @OnError
  public Uni<Void> refused(VoucherFlowException e, WebSocketConnection connection) {
    return send(connection, e.code(), e.getMessage(), null);
  }

  /** Not JSON, or not one of the messages. */
  @OnError
  public Uni<Void> malformed(TextDecodeException e, WebSocketConnection connection) {
    return send(
        connection,
        "keying.ws.malformed",
        "Not a keying message: expected JSON with a type of ready, submit, skip, unreadable,"
            + " heartbeat or stats",
        null);
  }

  @OnError
  public Uni<Void> forbidden(ForbiddenException e, WebSocketConnection connection) {
    return send(connection, "security.forbidden", "Not allowed", null);
  }

  /** Anything else: logged, answered without internals, and the connection stays open. */
  @OnError
  public Uni<Void> unexpected(RuntimeException e, WebSocketConnection connection) {
    LOG.errorf(e, "Keying console message failed");
    return send(connection, "keying.ws.failed", "The message could not be handled", null);
  }

  /**
   * A supervisor may have forced the keyer off duty (their tasks went back to the queues): checked
   * on each heartbeat, not on each message, to keep the database off the keying path.
   */
  private Uni<Void> onDutyOrClose(Console c) {
    return keying
        .stillOnDuty(c.keyer())
        .chain(
            onDuty ->
                onDuty
                    ? Uni.createFrom().voidItem()
                    : send(
                            c.connection(),
                            "keying.not-on-duty",
                            "You are no longer signed in at " + c.keyer().post(),
                            null)
                        .chain(
                            () ->
                                c.connection().close(new CloseReason(1008, "keying.not-on-duty"))));
  }

  /**
   * Runs a key, unreadable or skip, and answers {@code accepted} once it is recorded. The task held
   * ahead, if any, goes out at once; the console is topped up again as soon as the dispatcher has
   * taken the finished task off the keyer, not after the key is durable: the next slice reaches the
   * screen while PostgreSQL commits.
   */
  private Uni<Void> finished(Console c, UUID taskId, Function<Runnable, Uni<Void>> work) {
    boolean wasShown = consoles.finishing(c, taskId);
    Runnable refill =
        () ->
            consoles
                .topUp(c)
                .subscribe()
                .with(
                    ok -> {}, e -> LOG.debugf("Top-up of %s failed: %s", c.keyer().username(), e));
    return work.apply(refill)
        .onFailure(VoucherFlowException.class)
        .transform(
            e -> {
              TaskRefused refused = new TaskRefused((VoucherFlowException) e, taskId);
              if (wasShown && !refused.gone()) {
                consoles.stillShown(c, taskId);
              }
              return refused;
            })
        .chain(() -> c.connection().sendText(new ServerMessage.Accepted(taskId)));
  }

  private static UUID requireTask(UUID taskId) {
    if (taskId == null) {
      throw InvalidInputException.ofField(
          "keying.ws.task-missing", "taskId", "must name a task you hold");
    }
    return taskId;
  }

  private static UUID taskOf(ClientMessage m) {
    return switch (m) {
      case ClientMessage.Submit s -> s.taskId();
      case ClientMessage.Skip s -> s.taskId();
      case ClientMessage.Unreadable u -> u.taskId();
      default -> null;
    };
  }

  private static Uni<Void> send(
      WebSocketConnection connection, String code, String message, UUID taskId) {
    return connection.sendText(new ServerMessage.Error(code, message, taskId));
  }
}
