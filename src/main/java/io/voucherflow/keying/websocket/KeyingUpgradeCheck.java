package io.voucherflow.keying.websocket;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.voucherflow.common.error.UnavailableException;
import io.voucherflow.keying.Keyer;
import io.voucherflow.keying.service.KeyingConsole;
import io.voucherflow.security.DemoAccountPolicy;
import io.voucherflow.security.config.SecurityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Authorisation of {@code /ws/keying} at the upgrade, beyond the roles the endpoint declares: the
 * caller must be active staff signed in at a post, and not a shipped demo account outside the demo
 * profile (as {@code DemoAccountFilter} refuses them on REST). The keyer found is handed to the
 * connection, so it is looked up once per connection, not per message, and so is the initial credit
 * a client may state as {@code ?credit=n} (a number, else 400).
 */
@ApplicationScoped
public class KeyingUpgradeCheck implements HttpUpgradeCheck {

  static final TypedKey<Keyer> KEYER = new TypedKey<>("vf.keyer");
  static final TypedKey<Integer> CREDIT = new TypedKey<>("vf.credit");
  private static final Logger LOG = Logger.getLogger(KeyingUpgradeCheck.class);

  private final KeyingConsole console;
  private final DemoAccountPolicy demoAccounts;

  @Inject
  public KeyingUpgradeCheck(KeyingConsole console, SecurityConfig security) {
    this.console = console;
    this.demoAccounts = new DemoAccountPolicy(security.demoAccountsAllowed());
  }

  @Override
  public boolean appliesTo(String endpointId) {
    return KeyingWebSocket.ID.equals(endpointId);
  }

  @Override
  public Uni<CheckResult> perform(HttpUpgradeContext context) {
    if (!sameOrigin(context.httpRequest())) {
      return CheckResult.rejectUpgrade(403);
    }
    String credit = context.httpRequest().getParam("credit");
    if (credit != null) {
      if (!credit.matches("\\d{1,9}")) {
        return CheckResult.rejectUpgrade(400);
      }
      context.userData().put(CREDIT, Integer.parseInt(credit));
    }
    return context
        .securityIdentity()
        .chain(
            (SecurityIdentity identity) -> {
              if (identity == null
                  || identity.isAnonymous()
                  || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
                return CheckResult.rejectUpgrade(401);
              }
              if (demoAccounts.refuses(jwt.getSubject())) {
                return CheckResult.rejectUpgrade(403);
              }
              String username = jwt.getClaim("preferred_username");
              return console
                  .keyer(jwt.getSubject(), username == null ? jwt.getName() : username)
                  .map(
                      keyer -> {
                        context.userData().put(KEYER, keyer);
                        return CheckResult.permitUpgradeSync();
                      })
                  .onFailure()
                  .recoverWithItem(
                      e -> {
                        LOG.debugf("Keying console of %s refused: %s", username, e.getMessage());
                        // Not staff or not on duty: forbidden; the stores failing: try later.
                        return CheckResult.rejectUpgradeSync(
                            e instanceof UnavailableException ? 503 : 403);
                      });
            });
  }

  /**
   * A browser names the page's origin; it must be this host (the console is served by the app), so
   * no other site's page can open a keying socket. Clients that are not browsers send no Origin.
   */
  private static boolean sameOrigin(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String host = request.getHeader("Host");
    int scheme = origin.indexOf("://");
    return host != null && scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
  }
}
