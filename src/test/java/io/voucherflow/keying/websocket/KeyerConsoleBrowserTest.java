package io.voucherflow.keying.websocket;

import static io.restassured.RestAssured.given;
import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.keying.KeyingFixtures.one;
import static io.voucherflow.keying.KeyingFixtures.storeVoucher;
import static io.voucherflow.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.content.ContentStore;
import io.voucherflow.dispatch.repository.DispatchRepository;
import io.voucherflow.keying.KeyingFixtures.Field;
import io.voucherflow.keying.service.KeyingIntake;
import io.voucherflow.support.Tokens;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The keyer console end to end: the system's Chromium signs in through the real Keycloak login
 * page, signs in at the KEYING post, keys ten slices, and the fields end final in PostgreSQL.
 */
@QuarkusTest
class KeyerConsoleBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TestHTTPResource("/keying/")
  URL console;

  @Inject Pool pool;
  @Inject KeyingIntake intake;
  @Inject DispatchRepository redis;
  @Inject ContentStore content;

  private WebDriver browser;

  @BeforeEach
  void emptyQueuesAndStartTheBrowser() throws Exception {
    one(pool, "update keying_task set state = 'WITHDRAWN' where state in ('OPEN', 'LEASED')");
    await(() -> redis.forgetEverything());
    await(() -> redis.markBuilt());
    as("supervisor1").post("/api/duty/staff/keyer1/forced-sign-out");
    registerConsoleUrl();
    browser = chromium();
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
    as("supervisor1").post("/api/duty/staff/keyer1/forced-sign-out");
  }

  @Test
  void shouldSignInKeyTenSlicesAndMakeThemFinal() throws Exception {
    Map<UUID, String> truth = queueTenFields();
    try {
      keyInTheBrowser(truth);
    } catch (RuntimeException | AssertionError e) {
      // What the page showed and logged, to tell a sign-in problem from a socket one.
      System.err.println("Console page: " + browser.findElement(By.tagName("body")).getText());
      browser
          .manage()
          .logs()
          .get(LogType.BROWSER)
          .forEach(l -> System.err.println("Browser: " + l));
      throw e;
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(finalValues(truth.keySet())).isEqualTo(expectedFinals(truth)));
  }

  private void keyInTheBrowser(Map<UUID, String> truth) {
    browser.get(console.toString());
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(b -> !b.findElements(By.id("username")).isEmpty());
    browser.findElement(By.id("username")).sendKeys("keyer1");
    browser.findElement(By.id("password")).sendKeys(Tokens.PASSWORD);
    browser.findElement(By.id("kc-login")).click();
    wait.until(b -> !b.findElements(By.id("post-KEYING")).isEmpty());
    browser.findElement(By.id("post-KEYING")).click();

    Set<String> keyed = new HashSet<>();
    WebElement key = browser.findElement(By.id("key"));
    for (int i = 0; i < truth.size(); i++) {
      wait.until(
          b ->
              key.isEnabled()
                  && !keyed.contains(String.valueOf(key.getDomAttribute("data-task-id"))));
      String taskId = key.getDomAttribute("data-task-id");
      assertThat(browser.findElement(By.id("slice")).getDomAttribute("src"))
          .startsWith("data:image/png;base64,");
      String field = browser.findElement(By.id("field")).getText();
      assertThat(key.getDomProperty("inputMode"))
          .isEqualTo(field.equals("amount") ? "decimal" : "numeric");
      key.sendKeys(truth.get(UUID.fromString(taskId)));
      key.sendKeys(Keys.ENTER);
      keyed.add(taskId);
    }
    wait.until(b -> b.findElement(By.id("held")).getText().equals("0"));
  }

  /** Five vouchers, an amount and an account each, OCR confident: one key makes each final. */
  private Map<UUID, String> queueTenFields() throws Exception {
    Map<UUID, String> byTask = new HashMap<>();
    for (int i = 0; i < 5; i++) {
      String amount = (1000 + 111 * i) + ".50";
      String account = "62220202000" + (10000 + i);
      UUID v =
          storeVoucher(
              pool,
              List.of(
                  new Field("amount", "amount_figures", "slice", amount, 0.99),
                  new Field("account", "account", "slice", account, 0.99)));
      slice(v, "amount", amount);
      slice(v, "account", account);
      await(() -> intake.create(v, null));
      for (Row r :
          pool.preparedQuery("select id, field_name from keying_task where voucher_id = $1")
              .execute(Tuple.of(v))
              .await()
              .atMost(WAIT)) {
        byTask.put(r.getUUID("id"), r.getString("field_name").equals("amount") ? amount : account);
      }
    }
    assertThat(byTask).hasSize(10);
    return byTask;
  }

  /** A slice image showing the value, stored as the pipeline stores slices. */
  private void slice(UUID voucher, String field, String value) throws Exception {
    BufferedImage image = new BufferedImage(420, 70, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 420, 70);
    g.setColor(Color.DARK_GRAY);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 32));
    g.drawString(value, 16, 48);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    String sha = await(() -> content.put(png.toByteArray()));
    one(
        pool,
        "update voucher_field set slice_sha256 = $1 where voucher_id = $2 and name = $3",
        sha,
        voucher,
        field);
  }

  private Map<String, String> finalValues(Set<UUID> tasks) {
    Map<String, String> out = new HashMap<>();
    for (Row r :
        pool.preparedQuery(
                "select t.id, r.final_value from keying_task t join keying_result r"
                    + " on r.voucher_id = t.voucher_id and r.field_name = t.field_name"
                    + " where t.id = any($1) and r.source = 'OCR_CONFIRMED'")
            .execute(Tuple.of(tasks.toArray(UUID[]::new)))
            .await()
            .atMost(WAIT)) {
      out.put(r.getUUID("id").toString(), r.getString("final_value"));
    }
    return out;
  }

  private static Map<String, String> expectedFinals(Map<UUID, String> truth) {
    Map<String, String> out = new HashMap<>();
    truth.forEach((id, v) -> out.put(id.toString(), v));
    return out;
  }

  /**
   * The test app listens on a random port: add it to the console client's redirect URIs and web
   * origins, as an operator registers the bank's console URL.
   */
  @SuppressWarnings("unchecked")
  private void registerConsoleUrl() {
    String base = Tokens.issuer().replaceFirst("/realms/.*$", "");
    String admin =
        given()
            .formParam("grant_type", "password")
            .formParam("client_id", "admin-cli")
            .formParam("username", "kcadmin")
            .formParam("password", "kcadmin")
            .post(base + "/realms/master/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    String clients = base + "/admin/realms/voucherflow/clients";
    List<Map<String, Object>> found =
        given()
            .auth()
            .oauth2(admin)
            .queryParam("clientId", "voucherflow-console")
            .get(clients)
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    // The Keycloak home (and its realm import) is shared by every test run on the machine, so the
    // realm may have been imported from another checkout's file: create the client from ours then.
    Map<String, Object> client = found.isEmpty() ? consoleClientOfTheRealmFile() : found.getFirst();
    String origin = console.getProtocol() + "://" + console.getAuthority();
    List<String> redirects = new ArrayList<>((List<String>) client.get("redirectUris"));
    redirects.add(origin + "/keying/*");
    List<String> origins = new ArrayList<>((List<String>) client.get("webOrigins"));
    origins.add(origin);
    client.put("redirectUris", redirects);
    client.put("webOrigins", origins);
    if (found.isEmpty()) {
      given()
          .auth()
          .oauth2(admin)
          .contentType(ContentType.JSON)
          .body(client)
          .post(clients)
          .then()
          .statusCode(201);
    } else {
      given()
          .auth()
          .oauth2(admin)
          .contentType(ContentType.JSON)
          .body(client)
          .put(clients + "/" + client.get("id"))
          .then()
          .statusCode(204);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> consoleClientOfTheRealmFile() {
    try {
      Map<String, Object> realm =
          new ObjectMapper()
              .readValue(new File("src/main/keycloak/voucherflow-realm.json"), Map.class);
      return ((List<Map<String, Object>>) realm.get("clients"))
          .stream()
              .filter(c -> "voucherflow-console".equals(c.get("clientId")))
              .findFirst()
              .orElseThrow();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The system's Chromium and its driver, named explicitly so Selenium Manager never downloads. */
  private static WebDriver chromium() {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900");
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    return new ChromeDriver(service, options);
  }
}
