package io.voucherflow.cases.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.cases.CaseHistory;
import io.voucherflow.cases.service.CaseHistoryService;
import io.voucherflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/**
 * A voucher's case history. Not for keyers: the facts that decided include whole-voucher values
 * that keyers, who see only slices, must not.
 */
@Path("/api/vouchers/{id}/history")
@RolesAllowed({Roles.REVIEWER, Roles.CENTRE_SUPERVISOR, Roles.AUDITOR})
public class CaseHistoryResource {

  @Inject CaseHistoryService history;

  @GET
  public Uni<CaseHistory> history(@PathParam("id") UUID voucherId) {
    return history.of(voucherId);
  }
}
