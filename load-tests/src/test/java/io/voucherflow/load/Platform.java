package io.voucherflow.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the platform under load runs, and tokens for its demo users (fetched once, before the
 * load).
 */
final class Platform {

  static final String BASE_URL = System.getProperty("vf.baseUrl", "http://localhost:8080");
  static final String ISSUER =
      System.getProperty("vf.issuer", "http://localhost:8180/realms/voucherflow");
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private Platform() {}

  static String token(String username) {
    String form =
        "grant_type=password&client_id=voucherflow-cli&username="
            + username
            + "&password=voucherflow";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      String body =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = ACCESS_TOKEN.matcher(body);
      if (!m.find()) {
        throw new IllegalStateException("No token for " + username + ": " + body);
      }
      return m.group(1);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(
          "Keycloak at " + ISSUER + " is not reachable; start bin/voucherflow run first", e);
    }
  }

  static int intProperty(String name, int fallback) {
    return Integer.getInteger(name, fallback);
  }
}
