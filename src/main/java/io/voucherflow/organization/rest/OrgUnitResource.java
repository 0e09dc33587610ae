package io.voucherflow.organization.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.organization.OrgUnitView;
import io.voucherflow.organization.service.OrgUnitService;
import io.voucherflow.security.Roles;
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

/** The bank's organisation units (head office, branches, sub-branches, operations centres). */
@Path("/api/org-units")
@Produces(MediaType.APPLICATION_JSON)
public class OrgUnitResource {

  @Inject OrgUnitService service;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.CENTRE_SUPERVISOR, Roles.BRANCH_SUPERVISOR, Roles.AUDITOR})
  @Operation(summary = "List all organisation units, ordered by code")
  public Uni<List<OrgUnitView>> list() {
    return service.list();
  }

  @GET
  @Path("/{code}")
  @RolesAllowed({Roles.ADMIN, Roles.CENTRE_SUPERVISOR, Roles.BRANCH_SUPERVISOR, Roles.AUDITOR})
  @Operation(summary = "One organisation unit")
  public Uni<OrgUnitView> get(@PathParam("code") String code) {
    return service.get(code);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create an organisation unit under its parent")
  public Uni<Response> create(@Valid @NotNull CreateOrgUnitRequest request) {
    return service
        .create(request.code(), request.name(), request.kind(), request.parentCode())
        .map(
            unit ->
                Response.created(URI.create("/api/org-units/" + unit.code())).entity(unit).build());
  }
}
