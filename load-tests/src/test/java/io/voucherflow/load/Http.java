package io.voucherflow.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The REST calls the simulations make around the load (setup and checks, never timed): JSON in and
 * out with a bearer token, and Keycloak's form posts. One shared client; failures are unchecked so
 * a simulation's constructor or {@code after()} stops with the reason.
 */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Http() {}

  /** A status and a body, parsed on demand. */
  record Reply(int status, String body) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    /** This reply, or an exception naming what was asked when its status is not one of these. */
    Reply expect(String what, int... statuses) {
      for (int s : statuses) {
        if (s == status) {
          return this;
        }
      }
      throw new IllegalStateException(what + ": " + status + " " + body);
    }
  }

  static Reply get(String url, String token) {
    return send(request(url, token).GET());
  }

  static Reply postJson(String url, String token, Object body) {
    try {
      return send(
          request(url, token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Reply postForm(String url, Map<String, String> form) {
    String encoded =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        request(url, null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encoded)));
  }

  /** An access token by the password grant on a public client with direct access grants. */
  static String token(String tokenUrl, String clientId, String username, String password) {
    return postForm(
            tokenUrl,
            Map.of(
                "grant_type", "password",
                "client_id", clientId,
                "username", username,
                "password", password))
        .expect("token of " + username + " at " + tokenUrl, 200)
        .json()
        .path("access_token")
        .asText();
  }

  private static HttpRequest.Builder request(String url, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            // Generous: one partial import of thousands of users hashes every password first.
            .timeout(Duration.ofMinutes(10))
            .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private static Reply send(HttpRequest.Builder request) {
    HttpRequest r = request.build();
    try {
      HttpResponse<String> response = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          r.uri() + " is not reachable; start bin/voucherflow run first (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
