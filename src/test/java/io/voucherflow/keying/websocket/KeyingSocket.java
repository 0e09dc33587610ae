package io.voucherflow.keying.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A keyer's console as a test drives it: a Vert.x WebSocket client with every message queued. */
final class KeyingSocket implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(20);

  private final WebSocketClient client;
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

  private KeyingSocket(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> received.add(new JsonObject(text)));
  }

  /** Connects with a bearer token in the Authorization header (null: no token). */
  static KeyingSocket connect(Vertx vertx, URI uri, String token) throws Exception {
    return connect(vertx, uri, token, null);
  }

  /** As a browser page of {@code origin} would connect (null: no Origin, not a browser). */
  static KeyingSocket connect(Vertx vertx, URI uri, String token, String origin) throws Exception {
    return connect(vertx, uri, token, origin, "");
  }

  /** With a query string after {@code /ws/keying} (e.g. {@code ?credit=0}). */
  static KeyingSocket connect(Vertx vertx, URI uri, String token, String origin, String query)
      throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost(uri.getHost())
            .setPort(uri.getPort())
            .setURI("/ws/keying" + query);
    if (token != null) {
      options.addHeader("Authorization", "Bearer " + token);
    }
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    try {
      WebSocket ws =
          client
              .connect(options)
              .toCompletionStage()
              .toCompletableFuture()
              .get(20, TimeUnit.SECONDS);
      return new KeyingSocket(client, ws);
    } catch (Exception e) {
      client.close();
      throw e;
    }
  }

  void send(String text) {
    socket.writeTextMessage(text);
  }

  void send(Map<String, Object> message) {
    send(new JsonObject(message).encode());
  }

  /** The next message; fails when none comes within the wait. */
  JsonObject next() throws InterruptedException {
    JsonObject m = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(m).as("a message within " + WAIT).isNotNull();
    return m;
  }

  /** The next message, which must be of this type. */
  JsonObject next(String type) throws InterruptedException {
    JsonObject m = next();
    assertThat(m.getString("type")).as(m.encode()).isEqualTo(type);
    return m;
  }

  /** The next {@code n} messages, each of this type. */
  List<JsonObject> next(String type, int n) throws InterruptedException {
    List<JsonObject> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(next(type));
    }
    return out;
  }

  /**
   * The next messages, one of each type in any order (a submit's {@code accepted} and the task that
   * refills the credit race each other); keyed by type.
   */
  Map<String, JsonObject> nextOfEach(String... types) throws InterruptedException {
    Map<String, JsonObject> out = new java.util.HashMap<>();
    for (int i = 0; i < types.length; i++) {
      JsonObject m = next();
      assertThat(m.getString("type")).as(m.encode()).isIn((Object[]) types);
      assertThat(out.put(m.getString("type"), m)).as("one " + m.getString("type")).isNull();
    }
    return out;
  }

  /** Nothing arrives for a while (no task for a keyer who holds the credit). */
  JsonObject poll(Duration d) throws InterruptedException {
    return received.poll(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() throws Exception {
    if (!socket.isClosed()) {
      socket.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
    client.close();
  }
}
