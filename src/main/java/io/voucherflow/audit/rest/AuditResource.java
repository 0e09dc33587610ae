package io.voucherflow.audit.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.AuditEntry;
import io.voucherflow.audit.ChainVerification;
import io.voucherflow.audit.service.AuditQueryService;
import io.voucherflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit trail, for auditors only. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

  @Inject AuditQueryService service;

  @GET
  @Operation(summary = "Search the audit trail, newest first")
  public Uni<List<AuditEntry>> search(
      @QueryParam("entityType") String entityType,
      @QueryParam("entityId") String entityId,
      @QueryParam("actor") String actor,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return service.search(entityType, entityId, actor, limit);
  }

  @GET
  @Path("/verify")
  @Operation(summary = "Verify the hash chain and report the first broken link")
  public Uni<ChainVerification> verify() {
    return service.verify();
  }
}
