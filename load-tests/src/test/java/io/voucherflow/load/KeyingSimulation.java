package io.voucherflow.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keyers on {@code /ws/keying} as the console keys: each load keyer connects with credit 2 (the
 * next slice prefetched), completes a field every 2 s by submitting a value for the task on screen,
 * and three latencies are measured: connect to the first task pushed ("connect → first task") and
 * from a submit to the pushed task that refills the credit ("submit → next task"), both Gatling
 * checks named apart from the send, so their times are the replies' arrival (the send's own entry,
 * "submit", is ~0 ms); and from a submit to its {@code accepted} ("submit → accepted", the key is
 * durable), which races the refill and is timed from the unmatched messages' arrival times and
 * printed after the run.
 * Keyers connect over {@code -Dvf.ramp} s, key for {@code -Dvf.warmUp} s more (reported as "warm-up
 * …", not asserted on), then for {@code -Dvf.seconds} s measured; all stop together. Afterwards
 * {@link KeyingLedger} checks PostgreSQL and Redis. Needs keying work queued (CaptureSimulation
 * with the case engine on). Parameters: -Dvf.keyers (4), -Dvf.seconds (60), -Dvf.warmUp (10),
 * -Dvf.ramp (5), -Dvf.p95Millis (250: the assertion on both submit latencies), and those of {@link
 * LoadKeyers} and {@link KeyingLedger}.
 */
public class KeyingSimulation extends Simulation {

  private static final int CREDIT = 2;
  private static final Duration REPLY_WAIT = Duration.ofSeconds(10);
  private static final String ACCEPTED = "submit → accepted";
  private static final String NEXT_TASK = "submit → next task";

  private final int keyers = Platform.intProperty("vf.keyers", 4);
  private final int seconds = Platform.intProperty("vf.seconds", 60);
  private final int warmUp = Platform.intProperty("vf.warmUp", 10);
  private final int ramp = Platform.intProperty("vf.ramp", 5);
  private final int p95Millis = Platform.intProperty("vf.p95Millis", 250);
  private final List<LoadKeyers.LoadKeyer> loadKeyers = LoadKeyers.prepare(keyers);
  private final KeyingLedger ledger = new KeyingLedger();
  private final AtomicInteger starved = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final Queue<Long> acceptedMillis = new ConcurrentLinkedQueue<>();
  private volatile long measureFrom;
  private volatile long end;

  private final HttpProtocolBuilder protocol =
      http.baseUrl(Platform.BASE_URL)
          .wsBaseUrl(Platform.BASE_URL.replaceFirst("^http", "ws"))
          // Tasks pushed while the keyer "types" (a wake-up, the second task on connect) are kept
          // for processUnmatchedMessages.
          .wsUnmatchedInboundMessageBufferSize(64);

  private final ScenarioBuilder keying =
      scenario("keyers")
          .feed(keyerFeeder())
          .exec(
              session ->
                  session.set("held", new ArrayList<String[]>()).set("submitted", new HashMap<>()))
          .exec(
              ws("connect")
                  .connect("/ws/keying?credit=" + CREDIT)
                  .header("Authorization", "Bearer #{token}")
                  .await(REPLY_WAIT)
                  .on(
                      ws.checkTextMessage("connect → first task")
                          .matching(jsonPath("$.type").is("task"))
                          .check(
                              jsonPath("$.taskId").saveAs("nextId"),
                              jsonPath("$.fieldKind").withDefault("").saveAs("nextKind"))))
          .exec(
              session ->
                  session.contains("nextId")
                      ? session.set(
                          "held",
                          new ArrayList<>(
                              List.<String[]>of(
                                  new String[] {
                                    session.getString("nextId"), session.getString("nextKind")
                                  })))
                      : session)
          .exec(
              asLongAs(session -> System.currentTimeMillis() < end)
                  .on(
                      pace(Duration.ofSeconds(2))
                          .exec(ws.processUnmatchedMessages(this::unmatched))
                          .exec(
                              doIfOrElse(session -> !held(session).isEmpty())
                                  .then(submit())
                                  .orElse(idle()))))
          // The last keys' accepted answers.
          .pause(Duration.ofSeconds(1))
          .exec(ws.processUnmatchedMessages(this::unmatched))
          .exec(ws("close").close());

  /**
   * Keys the oldest task on screen and waits for the refill. The platform pushes the refill as
   * soon as the dispatcher has taken the key's task off the keyer and answers {@code accepted} once
   * the key is durable, so the two race; the accepted is timed from its arrival among the unmatched
   * messages.
   */
  private ChainBuilder submit() {
    return exec(session -> {
          String[] task = held(session).getFirst();
          submitted(session).put(task[0], System.currentTimeMillis());
          return session.set("current", task[0]).set("value", valueFor(task[1])).remove("nextId");
        })
        .exec(
            ws("submit")
                .sendText(
                    "{\"type\":\"submit\",\"taskId\":\"#{current}\",\"value\":\"#{value}\","
                        + "\"keystrokes\":4,\"millis\":2000}")
                .await(REPLY_WAIT)
                .on(
                    ws.checkTextMessage(s -> phase() + NEXT_TASK)
                        .matching(jsonPath("$.type").is("task"))
                        .check(
                            jsonPath("$.taskId").saveAs("nextId"),
                            jsonPath("$.fieldKind").withDefault("").saveAs("nextKind"))))
        .exec(
            session -> {
              String current = session.getString("current");
              held(session).removeIf(t -> t[0].equals(current));
              if (session.contains("nextId")) {
                held(session)
                    .add(new String[] {session.getString("nextId"), session.getString("nextKind")});
              }
              return session.markAsSucceeded();
            });
  }

  /** Nothing on screen: a heartbeat (it also tops up) and wait for a push. */
  private ChainBuilder idle() {
    return exec(session -> {
          starved.incrementAndGet();
          return session;
        })
        .exec(ws("heartbeat").sendText("{\"type\":\"heartbeat\"}"));
  }

  /** Tasks, late accepts and refusals that arrived while no check was waiting. */
  private Session unmatched(List<WsInboundMessage> messages, Session session) {
    List<String[]> held = held(session);
    for (WsInboundMessage m : messages) {
      if (!(m instanceof WsInboundMessage.Text text)) {
        continue;
      }
      JsonNode json = parse(text.message());
      String taskId = json.path("taskId").asText(null);
      switch (json.path("type").asText()) {
        case "task" -> {
          if (held.stream().noneMatch(t -> t[0].equals(taskId))) {
            held.add(new String[] {taskId, json.path("fieldKind").asText("")});
          }
        }
        case "accepted" -> {
          ledger.accepted(session.getString("username"), taskId);
          Long sentAt = submitted(session).remove(taskId);
          if (sentAt != null && sentAt >= measureFrom) {
            acceptedMillis.add(m.timestamp() - sentAt);
          }
        }
        case "error" -> {
          refused.incrementAndGet();
          held.removeIf(t -> t[0].equals(taskId));
        }
        default -> {}
      }
    }
    return session;
  }

  /** Task id -> when its key was sent, until its accepted arrives. */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> submitted(Session session) {
    return (Map<String, Long>) session.get("submitted");
  }

  @SuppressWarnings("unchecked")
  private static List<String[]> held(Session session) {
    return (List<String[]>) session.get("held");
  }

  private String phase() {
    return System.currentTimeMillis() < measureFrom ? "warm-up " : "";
  }

  /** A value the field's comparator takes, the same from every keyer, so both keys match. */
  private static String valueFor(String fieldKind) {
    return switch (fieldKind) {
      case "amount_figures" -> "1.00";
      case "amount_words" -> "壹元整";
      case "date" -> "2026-01-15";
      case "date_words" -> "贰零贰陆年零壹月壹拾伍日";
      default -> "1";
    };
  }

  private static JsonNode parse(String text) {
    try {
      return Http.JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("Not JSON from /ws/keying: " + text, e);
    }
  }

  private Iterator<Map<String, Object>> keyerFeeder() {
    return loadKeyers.stream()
        .map(k -> Map.<String, Object>of("username", k.username(), "token", k.token()))
        .iterator();
  }

  @Override
  public void before() {
    long start = System.currentTimeMillis();
    measureFrom = start + (ramp + warmUp) * 1000L;
    end = measureFrom + seconds * 1000L;
  }

  @Override
  public void after() {
    System.out.printf(
        "==== Keying: %d keyers, %d tasks accepted, %d rounds with nothing on screen, %d refusals"
            + " seen%n",
        keyers, ledger.acceptedCount(), starved.get(), refused.get());
    long[] millis = acceptedMillis.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "==== %s (measured keys, from the send to the reply's arrival): %d, p50 %d / p95 %d /"
            + " p99 %d / max %d ms%n",
        ACCEPTED,
        millis.length,
        percentile(millis, 50),
        percentile(millis, 95),
        percentile(millis, 99),
        percentile(millis, 100));
    ledger.verify();
    if (millis.length == 0 || percentile(millis, 95) >= p95Millis) {
      throw new IllegalStateException(
          ACCEPTED + ": no measured keys, or p95 not under " + p95Millis + " ms");
    }
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  {
    setUp(keying.injectOpen(rampUsers(keyers).during(Math.max(1, ramp))))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().lt(1.0),
            details(NEXT_TASK).allRequests().count().gt(0L),
            details(NEXT_TASK).responseTime().percentile(95.0).lt(p95Millis));
  }
}
