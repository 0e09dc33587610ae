package io.voucherflow.staff.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.voucherflow.security.Roles;
import io.voucherflow.staff.StaffView;
import io.voucherflow.staff.service.StaffService;
import io.voucherflow.staff.service.StaffService.NewStaff;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Staff of the bank, scoped to the caller's organisation unit unless their role is bank-wide. */
@Path("/api/staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

  @Inject StaffService service;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.CENTRE_SUPERVISOR, Roles.BRANCH_SUPERVISOR, Roles.AUDITOR})
  @Operation(summary = "List the staff the caller may see")
  public Uni<List<StaffView>> list() {
    return service.list();
  }

  @GET
  @Path("/me")
  @Authenticated
  @Operation(summary = "The caller's own staff record")
  public Uni<StaffView> me() {
    return service.me();
  }

  @GET
  @Path("/{username}")
  @RolesAllowed({Roles.ADMIN, Roles.CENTRE_SUPERVISOR, Roles.BRANCH_SUPERVISOR, Roles.AUDITOR})
  @Operation(summary = "One member of staff")
  public Uni<StaffView> get(@PathParam("username") String username) {
    return service.get(username);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Register a member of staff")
  public Uni<Response> create(@Valid @NotNull CreateStaffRequest r) {
    return service
        .create(
            new NewStaff(
                r.username(), r.subject(), r.displayName(), r.orgUnitCode(), r.posts(), r.skills()))
        .map(v -> Response.created(URI.create("/api/staff/" + v.username())).entity(v).build());
  }
}
