package io.voucherflow.dispatch.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.dispatch.service.QueueRebuilder;
import io.voucherflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Dispatcher administration. */
@Path("/api/dispatch")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DispatchResource {

  private final QueueRebuilder rebuilder;

  @Inject
  public DispatchResource(QueueRebuilder rebuilder) {
    this.rebuilder = rebuilder;
  }

  /** Offers every unfinished task from PostgreSQL to the queues again (idempotent). */
  @POST
  @Path("/rebuild")
  public Uni<Map<String, Integer>> rebuild() {
    return rebuilder.rebuild().map(n -> Map.of("queued", n));
  }
}
