package io.voucherflow.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling and from where: the authenticated identity plus the request's network origin. */
@RequestScoped
public class Caller {

  /**
   * Who acts when there is no token: every endpoint that changes state demands one, so an anonymous
   * identity only occurs in the platform's own work (seeding, scheduled jobs).
   */
  public static final String SYSTEM = "system";

  @Inject SecurityIdentity identity;
  @Inject CurrentVertxRequest request;

  /** The identity provider's stable subject ({@code sub}) of the caller. */
  public String subject() {
    if (request.getCurrent() == null || identity.isAnonymous()) {
      return SYSTEM;
    }
    if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
      return jwt.getSubject();
    }
    return identity.getPrincipal().getName();
  }

  /** The caller's login name ({@code preferred_username}). */
  public String username() {
    if (request.getCurrent() == null || identity.isAnonymous()) {
      return SYSTEM;
    }
    if (identity.getPrincipal() instanceof JsonWebToken jwt
        && jwt.getClaim("preferred_username") != null) {
      return jwt.getClaim("preferred_username").toString();
    }
    return identity.getPrincipal().getName();
  }

  /** The caller's roles; none for the platform's own work. */
  public Set<String> roles() {
    return request.getCurrent() == null ? new TreeSet<>() : new TreeSet<>(identity.getRoles());
  }

  /** True for roles that see every organisation unit. */
  public boolean bankWide() {
    return request.getCurrent() != null && Roles.BANK_WIDE.stream().anyMatch(identity::hasRole);
  }

  /**
   * The client address. Behind an ingress, Quarkus resolves it from X-Forwarded-For only when
   * {@code VF_PROXY_FORWARDING} is on, so clients cannot forge it when nothing sits in front.
   */
  public String sourceIp() {
    RoutingContext rc = request.getCurrent();
    if (rc == null || rc.request().remoteAddress() == null) {
      return null;
    }
    return rc.request().remoteAddress().hostAddress();
  }

  public String userAgent() {
    RoutingContext rc = request.getCurrent();
    return rc == null ? null : rc.request().getHeader("User-Agent");
  }
}
