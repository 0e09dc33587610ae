package io.voucherflow.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Capture under load: tellers upload generated vouchers (JPEG, from {@code bin/voucherflow
 * generate}) at a constant rate after a warm-up ramp. Gatling times the 202s; the platform's own
 * {@code voucherflow_pipeline_latency} timer gives 202-to-slices-ready, printed after the run, and
 * every voucher uploaded is checked to have left ACCEPTED (sliced or for classification).
 * Parameters: -Dvf.vouchers=DIR (required), -Dvf.rate (60/s), -Dvf.seconds (60).
 */
public class CaptureSimulation extends Simulation {

  private final Path dir = Path.of(System.getProperty("vf.vouchers", "target/vouchers"));
  private final int rate = Platform.intProperty("vf.rate", 60);
  private final int seconds = Platform.intProperty("vf.seconds", 60);
  private final String teller = Platform.token("teller1");
  // Read once: the load generator shares the platform's two cores, so it must not read a file per
  // request.
  private final List<byte[]> images = read(jpegs(dir));
  private final Random random = new Random(42);
  private final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();

  private final HttpProtocolBuilder protocol =
      http.baseUrl(Platform.BASE_URL).acceptHeader("application/json").shareConnections();

  private final ScenarioBuilder capture =
      scenario("capture")
          .exec(
              session ->
                  session
                      .set("image", random.nextInt(images.size()))
                      .set("requestId", "load-" + UUID.randomUUID()))
          .exec(
              http("capture voucher")
                  .post("/api/vouchers")
                  .header("Authorization", "Bearer " + teller)
                  .asMultipartForm()
                  .bodyPart(
                      StringBodyPart(
                              "meta",
                              "{\"requestId\":\"#{requestId}\",\"businessType\":\"TRANSFER\"}")
                          .contentType("application/json"))
                  .bodyPart(
                      ByteArrayBodyPart("front", session -> images.get(session.getInt("image")))
                          .fileName("front.jpg")
                          .contentType("image/jpeg"))
                  .check(status().is(202), jsonPath("$.id").saveAs("id")))
          .exec(
              session -> {
                accepted.add(session.getString("id"));
                return session;
              });

  {
    int warmUp = Math.max(5, seconds / 6);
    setUp(
            capture.injectOpen(
                rampUsersPerSec(1).to(rate).during(warmUp),
                constantUsersPerSec(rate).during(seconds)))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().lt(1.0),
            details("capture voucher").responseTime().percentile(99.0).lt(500));
  }

  @Override
  public void after() {
    try {
      long deadline = System.currentTimeMillis() + 120_000;
      List<String> ids = List.copyOf(accepted);
      Map<String, String> finished = new HashMap<>();
      while (finished.size() < ids.size() && System.currentTimeMillis() < deadline) {
        for (String id : ids) {
          if (!finished.containsKey(id)) {
            String body = get("/api/vouchers/" + id, teller);
            if (!body.contains("\"state\":\"ACCEPTED\"")) {
              finished.put(id, body);
            }
          }
        }
        if (finished.size() < ids.size()) {
          Thread.sleep(2000);
        }
      }
      int unfinished = ids.size() - finished.size();
      printThisRun(finished.values());
      String metrics = get("/q/metrics", null);
      Map<String, String> latency =
          metrics
              .lines()
              .filter(
                  l -> l.startsWith("voucherflow_pipeline_latency_seconds") && !l.startsWith("#"))
              .filter(l -> l.contains("quantile") || l.contains("_count") || l.contains("_max"))
              .collect(
                  Collectors.toMap(
                      l -> l.substring(0, l.lastIndexOf(' ')),
                      l -> l.substring(l.lastIndexOf(' ') + 1),
                      (a, b) -> b));
      System.out.println(
          "==== VoucherFlow capture: "
              + ids.size()
              + " vouchers accepted, "
              + unfinished
              + " still ACCEPTED after the run");
      latency.forEach((k, v) -> System.out.println("  " + k + " = " + v));
      if (unfinished > 0) {
        throw new IllegalStateException(unfinished + " accepted vouchers were not processed");
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * 202 to slices ready for exactly this run's vouchers (acceptedAt is stamped just before the 202,
   * processedAt by the hand-over's transaction), and what the pipeline made of them.
   */
  private static void printThisRun(Collection<String> bodies) {
    Pattern accepted = Pattern.compile("\"acceptedAt\":\"([^\"]+)\"");
    Pattern processed = Pattern.compile("\"processedAt\":\"([^\"]+)\"");
    Pattern state = Pattern.compile("\"state\":\"([A-Z_]+)\"");
    List<Long> millis = new ArrayList<>();
    Map<String, Integer> states = new TreeMap<>();
    for (String body : bodies) {
      Matcher a = accepted.matcher(body);
      Matcher p = processed.matcher(body);
      Matcher st = state.matcher(body);
      if (st.find()) {
        states.merge(st.group(1), 1, Integer::sum);
      }
      if (a.find() && p.find()) {
        millis.add(
            Duration.between(Instant.parse(a.group(1)), Instant.parse(p.group(1))).toMillis());
      }
    }
    Collections.sort(millis);
    if (millis.isEmpty()) {
      return;
    }
    System.out.println(
        "==== This run, 202 -> slices ready (ms): p50 "
            + pct(millis, 50)
            + ", p95 "
            + pct(millis, 95)
            + ", p99 "
            + pct(millis, 99)
            + ", max "
            + millis.get(millis.size() - 1)
            + " over "
            + millis.size()
            + " vouchers; states "
            + states);
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static String get(String path, String token) {
    return Http.get(Platform.api(path), token).body();
  }

  private static List<byte[]> read(List<Path> files) {
    List<byte[]> images = new ArrayList<>(files.size());
    for (Path f : files) {
      try {
        images.add(Files.readAllBytes(f));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + f, e);
      }
    }
    return images;
  }

  private static List<Path> jpegs(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> found = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
      if (found.isEmpty()) {
        throw new IllegalStateException(
            "No vouchers in " + dir + "; run bin/voucherflow generate first");
      }
      return found;
    } catch (IOException e) {
      throw new IllegalStateException(
          "No vouchers in " + dir + "; run bin/voucherflow generate first", e);
    }
  }
}
