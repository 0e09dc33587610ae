package io.voucherflow.cases.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.service.TaskService;
import io.voucherflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;

/** Human tasks of cases, per post: the queue, claim and complete. */
@Path("/api/tasks")
@RolesAllowed({
  Roles.KEYER,
  Roles.ARBITER,
  Roles.REVIEWER,
  Roles.SEAL_VERIFIER,
  Roles.PHONE_VERIFIER,
  Roles.AUTHORIZER,
  Roles.BRANCH_SUPERVISOR,
  Roles.CENTRE_SUPERVISOR
})
public class TaskResource {

  @Inject TaskService tasks;

  @GET
  public Uni<List<CaseTask>> queue(@QueryParam("post") @NotBlank String post) {
    return tasks.queue(post);
  }

  @POST
  @Path("/{id}/claim")
  public Uni<CaseTask> claim(@PathParam("id") UUID id) {
    return tasks.claim(id);
  }

  @POST
  @Path("/{id}/complete")
  public Uni<CaseTask> complete(
      @PathParam("id") UUID id, @Valid @NotNull CompleteTaskRequest request) {
    return tasks.complete(id, request.outcome(), request.values());
  }
}
