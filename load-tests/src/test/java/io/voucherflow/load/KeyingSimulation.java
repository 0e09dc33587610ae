package io.voucherflow.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.WsFrameCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keyers on {@code /ws/keying} as the console keys: each load keyer connects with credit 2 (the
 * next slice prefetched), completes a field every 2 s by submitting a value for the task on screen,
 * and three latencies are measured from the send to the reply's arrival: "connect → first task";
 * "submit → next task", the pushed task that refills the credit; and "submit → accepted", the key
 * is durable. The platform sends the refill as soon as the dispatcher has taken the keyed task off
 * the keyer, so the refill and the accepted race: Gatling reports "submit → first reply" and
 * "submit → both replies", and the split by reply is printed after the run (µs timing). Keyers
 * connect over {@code -Dvf.ramp} s, key for {@code -Dvf.warmUp} s more (reported as "warm-up …",
 * not measured), then for {@code -Dvf.seconds} s measured (the keys sent in that window are timed);
 * all stop together. Afterwards {@link KeyingLedger} checks PostgreSQL and Redis. Needs keying work
 * queued (CaptureSimulation with the case engine on). Parameters: -Dvf.keyers (4), -Dvf.seconds
 * (60), -Dvf.warmUp (10), -Dvf.ramp (5), -Dvf.p95Millis (250: the assertion on both replies), and
 * those of {@link LoadKeyers} and {@link KeyingLedger}.
 */
public class KeyingSimulation extends Simulation {

  private static final int CREDIT = 2;
  private static final Duration REPLY_WAIT = Duration.ofSeconds(10);
  private static final String ACCEPTED = "submit → accepted";
  private static final String NEXT_TASK = "submit → next task";
  private static final String FIRST_REPLY = "submit → first reply";
  private static final String BOTH_REPLIES = "submit → both replies";

  private final int keyers = Platform.intProperty("vf.keyers", 4);
  private final int seconds = Platform.intProperty("vf.seconds", 60);
  private final int warmUp = Platform.intProperty("vf.warmUp", 10);
  private final int ramp = Platform.intProperty("vf.ramp", 5);
  private final int p95Millis = Platform.intProperty("vf.p95Millis", 250);
  private final List<LoadKeyers.LoadKeyer> loadKeyers = LoadKeyers.prepare(keyers);
  private final KeyingLedger ledger = new KeyingLedger();
  private final AtomicInteger starved = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger windDown = new AtomicInteger();
  private final Queue<Long> acceptedNanos = new ConcurrentLinkedQueue<>();
  private final Queue<Long> nextTaskNanos = new ConcurrentLinkedQueue<>();
  // Second of the run (from measureFrom) -> next-task latencies of keys sent in it: is the tail
  // spread
  // evenly or a few stalls?
  private final Map<Long, Queue<Long>> nextTaskBySecond = new ConcurrentHashMap<>();
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
          .exec(session -> session.set("held", new ArrayList<String[]>()))
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
          .exec(ws("close").close());

  /**
   * Keys the oldest task on screen and waits for its two replies: the task that refills the credit
   * (pushed as soon as the dispatcher has taken the keyed task off the keyer) and {@code accepted}
   * (once the key is durable). They race, and a Gatling check drops a message that does not match
   * it, so both checks take either reply; each stamps its arrival and the split is timed here.
   */
  private ChainBuilder submit() {
    return exec(session -> {
          String[] task = held(session).getFirst();
          return session
              .set("current", task[0])
              .set("value", valueFor(task[1]))
              .set("sentAt", System.nanoTime())
              .set("sentAtMillis", System.currentTimeMillis())
              .remove("reply1")
              .remove("reply2");
        })
        .exec(
            ws("submit")
                .sendText(
                    "{\"type\":\"submit\",\"taskId\":\"#{current}\",\"value\":\"#{value}\","
                        + "\"keystrokes\":4,\"millis\":2000}")
                .await(REPLY_WAIT)
                .on(reply(FIRST_REPLY, "reply1"), reply(BOTH_REPLIES, "reply2")))
        .exec(
            session -> {
              String current = session.getString("current");
              long sentAt = session.getLong("sentAt");
              long sentAtMillis = session.getLong("sentAtMillis");
              // Timed: keys sent in the measured window. A key sent after its end (a keyer's last
              // pace runs up to 2 s past it) meets the others closing their consoles: the end of
              // the test, not keying, and counted apart.
              boolean measured = sentAtMillis >= measureFrom && sentAtMillis < end;
              if (sentAtMillis >= end) {
                windDown.incrementAndGet();
              }
              held(session).removeIf(t -> t[0].equals(current));
              for (String key : List.of("reply1", "reply2")) {
                if (!session.contains(key)) {
                  continue;
                }
                // "nanos type taskId fieldKind", see reply().
                String[] stamped = session.getString(key).split(" ", -1);
                long nanos = Long.parseLong(stamped[0]) - sentAt;
                String taskId = stamped[2];
                if (stamped[1].equals("accepted")) {
                  if (taskId.equals(current)) {
                    ledger.accepted(session.getString("username"), taskId);
                    if (measured) {
                      acceptedNanos.add(nanos);
                    }
                  }
                } else {
                  held(session).add(new String[] {taskId, stamped[3]});
                  if (measured) {
                    nextTaskNanos.add(nanos);
                    nextTaskBySecond
                        .computeIfAbsent(
                            (sentAtMillis - measureFrom) / 1000, k -> new ConcurrentLinkedQueue<>())
                        .add(nanos);
                  }
                }
              }
              return session.markAsSucceeded();
            });
  }

  /**
   * A reply to a submit, either one, stamped with its arrival: "nanos type taskId fieldKind". The
   * load generator shares the cores with the platform, so a reply is not parsed as a whole (a task
   * carries its slice, ~15 KB): its type leads the message, and the ids are read by position.
   */
  private WsFrameCheck.Text reply(String name, String saveAs) {
    return ws.checkTextMessage(s -> phase() + name)
        .matching(regex("^\\{\"type\":\"(?:task|accepted)\""))
        .check(
            bodyString()
                .transform(
                    body ->
                        System.nanoTime()
                            + " "
                            + field(body, "type")
                            + " "
                            + field(body, "taskId")
                            + " "
                            + field(body, "fieldKind"))
                .saveAs(saveAs));
  }

  /** The value of a string field of a reply (ids and names: never escaped), or "" if absent. */
  private static String field(String json, String name) {
    String key = "\"" + name + "\":\"";
    int at = json.indexOf(key);
    if (at < 0) {
      return "";
    }
    int from = at + key.length();
    return json.substring(from, json.indexOf('"', from));
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
      String message = text.message();
      String taskId = field(message, "taskId");
      switch (field(message, "type")) {
        case "task" -> {
          if (held.stream().noneMatch(t -> t[0].equals(taskId))) {
            held.add(new String[] {taskId, field(message, "fieldKind")});
          }
        }
        case "accepted" -> ledger.accepted(session.getString("username"), taskId);
        case "error" -> {
          refused.incrementAndGet();
          held.removeIf(t -> t[0].equals(taskId));
        }
        default -> {}
      }
    }
    return session;
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
            + " seen; %d keys sent after the timed window (while keyers closed) not timed%n",
        keyers, ledger.acceptedCount(), starved.get(), refused.get(), windDown.get());
    print(NEXT_TASK, nextTaskNanos);
    printWorstSeconds();
    print(ACCEPTED, acceptedNanos);
    ledger.verify();
  }

  private static void print(String name, Queue<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "==== %s, measured keys: %d, p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms%n",
        name,
        sorted.length,
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 95)),
        millis(percentile(sorted, 99)),
        millis(percentile(sorted, 100)));
  }

  /** The five seconds with the worst next-task p99, and how many seconds had a p99 over 10 ms. */
  private void printWorstSeconds() {
    record Second(long second, int keys, long p99) {}
    List<Second> seconds = new ArrayList<>();
    nextTaskBySecond.forEach(
        (second, nanos) -> {
          long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
          seconds.add(new Second(second, sorted.length, percentile(sorted, 99)));
        });
    seconds.sort((a, b) -> Long.compare(b.p99(), a.p99()));
    long over = seconds.stream().filter(s -> s.p99() > 10_000_000L).count();
    StringBuilder worst = new StringBuilder();
    for (Second s : seconds.subList(0, Math.min(5, seconds.size()))) {
      // The wall-clock second too (UTC), to line the tail up with the servers' GC and other logs.
      String at =
          LocalTime.ofInstant(Instant.ofEpochMilli(measureFrom + s.second() * 1000), ZoneOffset.UTC)
              .withNano(0)
              .toString();
      worst.append(
          String.format(
              " s%d (%s UTC): %.1f ms (%d keys);", s.second(), at, millis(s.p99()), s.keys()));
    }
    System.out.printf(
        "==== %s per second: p99 over 10 ms in %d of %d s; worst:%s%n",
        NEXT_TASK, over, seconds.size(), worst);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
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
            details(BOTH_REPLIES).allRequests().count().gt(0L),
            details(BOTH_REPLIES).responseTime().percentile(95.0).lt(p95Millis));
  }
}
