package io.voucherflow.keying.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.keying.KeySubmission;
import io.voucherflow.keying.KeyingAssignment;
import io.voucherflow.keying.service.KeyingDesk;
import io.voucherflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keying over REST, for scripts and tests (the keying WebSocket is the keyers' way in): claim, key,
 * mark unreadable, skip.
 */
@Path("/api/keying")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.KEYER, Roles.ARBITER})
public class KeyingResource {

  private final KeyingDesk desk;

  @Inject
  public KeyingResource(KeyingDesk desk) {
    this.desk = desk;
  }

  /** Leases tasks of the caller's post until the caller holds {@code credit}. */
  @POST
  @Path("/claim")
  public Uni<List<KeyingAssignment>> claim(@QueryParam("credit") Integer credit) {
    return desk.claim(credit);
  }

  @GET
  @Path("/held")
  public Uni<Set<UUID>> held() {
    return desk.held();
  }

  /** Records a key; answered (204) once it is stored. */
  @POST
  @Path("/tasks/{id}/submit")
  public Uni<Void> submit(@PathParam("id") UUID id, KeySubmission key) {
    return desk.submit(id, key);
  }

  @POST
  @Path("/tasks/{id}/unreadable")
  public Uni<Void> unreadable(@PathParam("id") UUID id) {
    return desk.unreadable(id);
  }

  @POST
  @Path("/tasks/{id}/skip")
  public Uni<Void> skip(@PathParam("id") UUID id) {
    return desk.skip(id);
  }
}
