package io.voucherflow.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.Problem;
import io.voucherflow.security.config.SecurityConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses the shipped demo accounts outside the demo profile, before any resource runs. */
public class DemoAccountFilter {

  private final DemoAccountPolicy policy;
  private final CurrentIdentityAssociation identities;

  @Inject
  public DemoAccountFilter(SecurityConfig config, CurrentIdentityAssociation identities) {
    this.policy = new DemoAccountPolicy(config.demoAccountsAllowed());
    this.identities = identities;
  }

  @ServerRequestFilter
  public Uni<Response> refuseDemoAccounts(ContainerRequestContext request) {
    if (request.getHeaderString("Authorization") == null) {
      return Uni.createFrom().nullItem();
    }
    return identities
        .getDeferredIdentity()
        .onFailure()
        .recoverWithNull()
        .map(
            identity -> {
              if (identity != null
                  && identity.getPrincipal() instanceof JsonWebToken jwt
                  && policy.refuses(jwt.getSubject())) {
                return Problem.of(
                        Response.Status.FORBIDDEN,
                        "security.demo-account-refused",
                        "Demo accounts are refused outside the demo profile",
                        request.getUriInfo().getPath(),
                        List.of())
                    .toResponse();
              }
              return null;
            });
  }
}
