package io.voucherflow.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keyers on {@code /ws/keying}: N keyers connect, each completes a field every 2 s, and the time
 * from a submit to the next task pushed is measured ("submit → next task"). Keyers ask for credit 1
 * here, so every submit is followed by exactly one pushed task and the measured time is what a
 * keyer would wait without prefetch; with the console's credit 2 it is hidden behind the slice
 * already on screen. Needs keying work queued (run CaptureSimulation with the case engine on
 * first). Parameters: -Dvf.keyers (default 4: keyer1…keyerN, demo users), -Dvf.seconds (60), a
 * warm-up of the first -Dvf.warmUp (10) submits per keyer is not asserted on.
 */
public class KeyingSimulation extends Simulation {

  private final int keyers = Platform.intProperty("vf.keyers", 4);
  private final int seconds = Platform.intProperty("vf.seconds", 60);
  private final int warmUp = Platform.intProperty("vf.warmUp", 10);

  private final HttpProtocolBuilder protocol =
      http.baseUrl(Platform.BASE_URL)
          .wsBaseUrl(Platform.BASE_URL.replaceFirst("^http", "ws"))
          .acceptHeader("application/json")
          .contentTypeHeader("application/json");

  private final ScenarioBuilder keying =
      scenario("keyers")
          .feed(keyerFeeder())
          .exec(
              http("sign in at KEYING")
                  .post("/api/duty/sign-in")
                  .header("Authorization", "Bearer #{token}")
                  .body(StringBody("{\"postCode\":\"KEYING\"}"))
                  .check(status().in(200, 409)))
          .exec(
              ws("connect")
                  .connect("/ws/keying")
                  .header("Authorization", "Bearer #{token}")
                  .await(Duration.ofSeconds(30))
                  .on(
                      ws.checkTextMessage("first task")
                          .matching(jsonPath("$.type").is("task"))
                          .check(jsonPath("$.taskId").saveAs("taskId"))))
          .exec(ws("ready credit 1").sendText("{\"type\":\"ready\",\"credit\":1}"))
          .repeat(warmUp)
          .on(submit("warm-up submit → next task"))
          .during(Duration.ofSeconds(seconds))
          .on(submit("submit → next task"))
          .exec(ws("close").close());

  private static ChainBuilder submit(String name) {
    return pause(Duration.ofSeconds(2))
        .exec(
            ws(name)
                .sendText(
                    "{\"type\":\"submit\",\"taskId\":\"#{taskId}\",\"value\":\"1\","
                        + "\"keystrokes\":1,\"millis\":2000}")
                .await(Duration.ofSeconds(10))
                .on(
                    ws.checkTextMessage("next task")
                        .matching(jsonPath("$.type").is("task"))
                        .check(jsonPath("$.taskId").saveAs("taskId"))));
  }

  private Iterator<Map<String, Object>> keyerFeeder() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= keyers; i++) {
      rows.add(Map.of("token", Platform.token("keyer" + i)));
    }
    return rows.iterator();
  }

  {
    setUp(keying.injectOpen(atOnceUsers(keyers)))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().lt(1.0),
            details("submit → next task").responseTime().percentile(95.0).lt(100));
  }
}
