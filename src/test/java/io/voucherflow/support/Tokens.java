package io.voucherflow.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Access tokens from the test Keycloak, by the password grant on {@code voucherflow-cli}, as
 * scripts get them.
 */
public final class Tokens {

  public static final String PASSWORD = "voucherflow";
  private static final Duration REUSE_FOR = Duration.ofMinutes(10);
  private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

  private Tokens() {}

  public static String of(String username) {
    Cached cached = CACHE.get(username);
    if (cached != null && cached.at.plus(REUSE_FOR).isAfter(Instant.now())) {
      return cached.token;
    }
    String token =
        given()
            .formParam("grant_type", "password")
            .formParam("client_id", "voucherflow-cli")
            .formParam("username", username)
            .formParam("password", PASSWORD)
            .post(issuer() + "/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    CACHE.put(username, new Cached(token, Instant.now()));
    return token;
  }

  public static String issuer() {
    return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
  }

  private record Cached(String token, Instant at) {}
}
