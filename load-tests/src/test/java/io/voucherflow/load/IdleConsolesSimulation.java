package io.voucherflow.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many idle keyer consoles: {@code -Dvf.keyers} load keyers × {@code -Dvf.consoles} consoles each
 * connect to {@code /ws/keying?credit=0} over {@code -Dvf.ramp} s, send {@code ready} with credit 0
 * and a {@code heartbeat} every {@code -Dvf.heartbeat} (20) s, and all stay until {@code
 * -Dvf.seconds} s after the ramp. Meanwhile one more console probes the server once a second with
 * {@code stats} ("stats → reply", the time to the reply). At the end every console must have been
 * held (no close from the server, no task pushed to a console of credit 0) and closed normally.
 * Parameters: -Dvf.keyers (4), -Dvf.consoles (5), -Dvf.ramp (10), -Dvf.seconds (60), -Dvf.heartbeat
 * (20), -Dvf.p95Millis (250, the assertion on the probe), and those of {@link LoadKeyers}.
 */
public class IdleConsolesSimulation extends Simulation {

  private static final String STATS = "stats → reply";

  private final int keyers = Platform.intProperty("vf.keyers", 4);
  private final int consoles = Platform.intProperty("vf.consoles", 5);
  private final int ramp = Platform.intProperty("vf.ramp", 10);
  private final int seconds = Platform.intProperty("vf.seconds", 60);
  private final Duration heartbeat = Duration.ofSeconds(Platform.intProperty("vf.heartbeat", 20));
  private final int p95Millis = Platform.intProperty("vf.p95Millis", 250);
  private final List<LoadKeyers.LoadKeyer> loadKeyers = LoadKeyers.prepare(keyers);
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicInteger tasksPushed = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private volatile long end;

  private final HttpProtocolBuilder protocol =
      http.baseUrl(Platform.BASE_URL)
          .wsBaseUrl(Platform.BASE_URL.replaceFirst("^http", "ws"))
          .wsUnmatchedInboundMessageBufferSize(8);

  private final ScenarioBuilder idle =
      scenario("idle consoles")
          .feed(consoleFeeder())
          .exec(connect())
          .exec(
              asLongAs(session -> System.currentTimeMillis() + heartbeat.toMillis() < end)
                  .on(
                      pause(heartbeat)
                          .exec(ws("heartbeat").sendText("{\"type\":\"heartbeat\"}"))
                          .exec(ws.processUnmatchedMessages(this::unexpected))))
          .exec(pause(session -> Duration.ofMillis(Math.max(0, end - System.currentTimeMillis()))))
          .exec(closeAndCount());

  private final ScenarioBuilder probe =
      scenario("stats probe")
          .exec(session -> session.set("token", loadKeyers.getFirst().token()))
          .exec(connect())
          .exec(
              asLongAs(session -> System.currentTimeMillis() < end)
                  .on(
                      pace(Duration.ofSeconds(1))
                          .exec(
                              ws("stats")
                                  .sendText("{\"type\":\"stats\"}")
                                  .await(Duration.ofSeconds(10))
                                  .on(
                                      ws.checkTextMessage(STATS)
                                          .matching(jsonPath("$.type").is("stats"))
                                          .check(jsonPath("$.queueDepth").exists())))))
          .exec(closeAndCount());

  private static ChainBuilder connect() {
    return exec(ws("connect")
            .connect("/ws/keying?credit=0")
            .header("Authorization", "Bearer #{token}"))
        .exec(ws("ready").sendText("{\"type\":\"ready\",\"credit\":0}"));
  }

  private ChainBuilder closeAndCount() {
    return exec(ws.processUnmatchedMessages(this::unexpected))
        .exec(ws("close").close())
        .exec(
            session -> {
              if (!session.isFailed()) {
                held.incrementAndGet();
              }
              return session;
            });
  }

  /** An idle console is sent nothing but what it asked for. */
  private Session unexpected(List<WsInboundMessage> messages, Session session) {
    for (WsInboundMessage m : messages) {
      if (m instanceof WsInboundMessage.Text text) {
        if (text.message().contains("\"type\":\"task\"")) {
          tasksPushed.incrementAndGet();
        } else if (text.message().contains("\"type\":\"error\"")) {
          errors.incrementAndGet();
          System.out.println("Idle console got " + text.message());
        }
      }
    }
    return session;
  }

  private java.util.Iterator<Map<String, Object>> consoleFeeder() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int c = 0; c < consoles; c++) {
      for (LoadKeyers.LoadKeyer k : loadKeyers) {
        rows.add(Map.of("username", k.username(), "token", k.token()));
      }
    }
    return rows.iterator();
  }

  @Override
  public void before() {
    end = System.currentTimeMillis() + (ramp + seconds) * 1000L;
  }

  @Override
  public void after() {
    int expected = keyers * consoles + 1;
    System.out.printf(
        "==== Idle consoles: %d of %d connections (probe included) held and closed normally;"
            + " %d tasks pushed to consoles of credit 0, %d errors%n",
        held.get(), expected, tasksPushed.get(), errors.get());
    if (held.get() != expected || tasksPushed.get() > 0 || errors.get() > 0) {
      throw new IllegalStateException(
          "Idle consoles: "
              + (expected - held.get())
              + " connection(s) not held to the end or not closed normally, "
              + tasksPushed.get()
              + " task(s) pushed to idle consoles, "
              + errors.get()
              + " error(s)");
    }
  }

  {
    setUp(
            idle.injectOpen(rampUsers(keyers * consoles).during(Math.max(1, ramp))),
            probe.injectOpen(atOnceUsers(1)))
        .protocols(protocol)
        .assertions(
            global().failedRequests().count().is(0L),
            details(STATS).responseTime().percentile(95.0).lt(p95Millis));
  }
}
