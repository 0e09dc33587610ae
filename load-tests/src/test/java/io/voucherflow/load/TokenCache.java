package io.voucherflow.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The load keyers' tokens between runs ({@code target/load-keyers.tokens}, one {@code username
 * token} a line): thousands of password grants take minutes of Keycloak's CPU (every one hashes the
 * password), so a simulation run soon after {@link LoadKeyers} reuses them. A token is reused only
 * while it stays valid for {@code -Dvf.tokenMinValidity} (300) s more, and only for the issuer it
 * was made by.
 */
final class TokenCache {

  private static final Path FILE = Path.of("target/load-keyers.tokens");
  private static final Duration MIN_VALIDITY =
      Duration.ofSeconds(Integer.getInteger("vf.tokenMinValidity", 300));

  private TokenCache() {}

  static Map<String, String> read() {
    Map<String, String> tokens = new HashMap<>();
    if (!Files.exists(FILE)) {
      return tokens;
    }
    try {
      for (String line : Files.readAllLines(FILE)) {
        int space = line.indexOf(' ');
        if (space > 0 && usable(line.substring(space + 1))) {
          tokens.put(line.substring(0, space), line.substring(space + 1));
        }
      }
    } catch (IOException | RuntimeException e) {
      System.out.println("Token cache " + FILE + " not used: " + e);
      tokens.clear();
    }
    return tokens;
  }

  /** Keeps these keyers' tokens beside the still usable ones of other keyers. */
  static void write(List<LoadKeyers.LoadKeyer> keyers) {
    Map<String, String> all = new TreeMap<>(read());
    keyers.forEach(k -> all.put(k.username(), k.token()));
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(
          FILE,
          all.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining("\n", "", "\n")));
    } catch (IOException e) {
      System.out.println("Token cache " + FILE + " not written: " + e);
    }
  }

  private static boolean usable(String token) throws IOException {
    String[] parts = token.split("\\.");
    JsonNode claims = Http.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    return Platform.ISSUER.equals(claims.path("iss").asText())
        && Instant.ofEpochSecond(claims.path("exp").asLong())
            .isAfter(Instant.now().plus(MIN_VALIDITY));
  }
}
