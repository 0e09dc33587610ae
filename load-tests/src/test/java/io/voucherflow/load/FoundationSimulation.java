package io.voucherflow.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.UUID;

/**
 * Baseline of the foundation: authenticated reads of the organisation and staff, and audited writes
 * (each new organisation unit appends to the hash-chained audit trail under its lock). Parameters:
 * -Dvf.readsPerSec (default 100), -Dvf.writesPerSec (20), -Dvf.seconds (60). A warm-up ramp
 * precedes the measured plateau. After the run, the audit chain must still verify.
 */
public class FoundationSimulation extends Simulation {

  private final int readsPerSec = Platform.intProperty("vf.readsPerSec", 100);
  private final int writesPerSec = Platform.intProperty("vf.writesPerSec", 20);
  private final int seconds = Platform.intProperty("vf.seconds", 60);
  private final String supervisor = Platform.token("supervisor1");
  private final String admin = Platform.token("admin");
  private final String runTag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

  private final HttpProtocolBuilder protocol =
      http.baseUrl(Platform.BASE_URL)
          .acceptHeader("application/json")
          .contentTypeHeader("application/json")
          .shareConnections();

  private final ScenarioBuilder reads =
      scenario("reads")
          .exec(
              http("list org units")
                  .get("/api/org-units")
                  .header("Authorization", "Bearer " + supervisor)
                  .check(status().is(200), jsonPath("$[?(@.code=='OC01')]").exists()))
          .exec(
              http("list staff")
                  .get("/api/staff")
                  .header("Authorization", "Bearer " + supervisor)
                  .check(status().is(200), jsonPath("$[?(@.username=='keyer1')]").exists()));

  private final ScenarioBuilder writes =
      scenario("audited writes")
          .exec(session -> session.set("code", "L" + runTag + "-" + session.userId()))
          .exec(
              http("create org unit")
                  .post("/api/org-units")
                  .header("Authorization", "Bearer " + admin)
                  .body(
                      StringBody(
                          "{\"code\":\"#{code}\",\"name\":\"Load #{code}\",\"kind\":\"BRANCH\",\"parentCode\":\"HO\"}"))
                  .check(status().is(201)));

  private final ScenarioBuilder verify =
      scenario("verify audit chain")
          .exec(
              http("verify audit chain")
                  .get("/api/audit/verify")
                  .header("Authorization", "Bearer " + Platform.token("auditor1"))
                  .check(status().is(200), jsonPath("$.intact").is("true")));

  {
    int warmUp = Math.max(5, seconds / 6);
    setUp(
            reads.injectOpen(
                rampUsersPerSec(1).to(readsPerSec).during(warmUp),
                constantUsersPerSec(readsPerSec).during(seconds)),
            writes.injectOpen(
                rampUsersPerSec(1).to(writesPerSec).during(warmUp),
                constantUsersPerSec(writesPerSec).during(seconds)),
            verify.injectOpen(
                nothingFor(Duration.ofSeconds(warmUp + seconds + 5)),
                constantUsersPerSec(1).during(1)))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().lt(1.0),
            details("list org units").responseTime().percentile(95.0).lt(200),
            details("create org unit").responseTime().percentile(95.0).lt(300),
            details("verify audit chain").successfulRequests().percent().is(100.0));
  }
}
