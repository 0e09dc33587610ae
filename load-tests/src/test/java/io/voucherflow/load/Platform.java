package io.voucherflow.load;

/**
 * Where the platform under load runs, and tokens for its demo users (fetched once, before the
 * load).
 */
final class Platform {

  static final String BASE_URL = System.getProperty("vf.baseUrl", "http://localhost:8080");
  static final String ISSUER =
      System.getProperty("vf.issuer", "http://localhost:8180/realms/voucherflow");
  static final String TOKEN_URL = ISSUER + "/protocol/openid-connect/token";
  static final String CLI_CLIENT = "voucherflow-cli";
  static final String DEMO_PASSWORD = "voucherflow";

  private Platform() {}

  static String token(String username) {
    return Http.token(TOKEN_URL, CLI_CLIENT, username, DEMO_PASSWORD);
  }

  static String api(String path) {
    return BASE_URL + path;
  }

  static int intProperty(String name, int fallback) {
    return Integer.getInteger(name, fallback);
  }
}
