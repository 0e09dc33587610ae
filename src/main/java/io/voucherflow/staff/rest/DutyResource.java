package io.voucherflow.staff.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.security.Roles;
import io.voucherflow.staff.DutyView;
import io.voucherflow.staff.service.DutyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sign-in (签到) and sign-out (签退) at posts, and who is on duty. */
@Path("/api/duty")
// Staff who work at posts; administrators and auditors hold no post.
@RolesAllowed({
  Roles.TELLER,
  Roles.BRANCH_SUPERVISOR,
  Roles.KEYER,
  Roles.ARBITER,
  Roles.REVIEWER,
  Roles.SEAL_VERIFIER,
  Roles.PHONE_VERIFIER,
  Roles.AUTHORIZER,
  Roles.CENTRE_SUPERVISOR
})
@Produces(MediaType.APPLICATION_JSON)
public class DutyResource {

  @Inject DutyService service;

  @GET
  @Operation(summary = "The caller's open duty session; 204 when signed out")
  public Uni<Response> mine() {
    return service
        .mine()
        .map(d -> d == null ? Response.noContent().build() : Response.ok(d).build());
  }

  @POST
  @Path("/sign-in")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign in at a post the caller is assigned to")
  public Uni<DutyView> signIn(@Valid @NotNull SignInRequest request) {
    return service.signIn(request.postCode());
  }

  @POST
  @Path("/sign-out")
  @Operation(summary = "Sign out; refused while the caller holds unfinished tasks")
  public Uni<DutyView> signOut() {
    return service.signOut();
  }

  @POST
  @Path("/staff/{username}/forced-sign-out")
  @RolesAllowed({Roles.CENTRE_SUPERVISOR, Roles.BRANCH_SUPERVISOR})
  @Operation(summary = "Force a member of staff off duty; their unfinished tasks are requeued")
  public Uni<DutyView> forceSignOut(@PathParam("username") String username) {
    return service.forceSignOut(username);
  }

  @GET
  @Path("/posts/{code}")
  @RolesAllowed({Roles.CENTRE_SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
  @Operation(summary = "Who is on duty at a post")
  public Uni<List<DutyView>> onDuty(@PathParam("code") String code) {
    return service.onDutyAt(code);
  }
}
