package io.voucherflow.keying.rest;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.voucherflow.keying.config.KeyingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /keying/settings}: what the keyer console needs before it can sign in — the realm URL
 * and its public client. Deliberately outside the API (no token yet at that point); it carries
 * nothing secret, only what the sign-in redirect puts in the browser's address bar anyway.
 */
@ApplicationScoped
public class ConsoleSettingsRoute {

  void route(@Observes Router router, KeyingConfig config) {
    String body =
        new JsonObject()
            .put("authServerUrl", config.console().authServerUrl())
            .put("clientId", config.console().clientId())
            .put("arbitration", config.arbitration())
            .encode();
    router
        .get("/keying/settings")
        .handler(
            rc ->
                rc.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(body));
  }
}
