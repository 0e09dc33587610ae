package io.voucherflow.rules.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.rules.RuleCheck;
import io.voucherflow.rules.RuleDryRun;
import io.voucherflow.rules.RuleDryRunResult;
import io.voucherflow.rules.RuleSchema;
import io.voucherflow.rules.RuleSummary;
import io.voucherflow.rules.RuleView;
import io.voucherflow.rules.service.RuleActivationService;
import io.voucherflow.rules.service.RuleBook;
import io.voucherflow.rules.service.RuleDryRunService;
import io.voucherflow.rules.service.RuleQueryService;
import io.voucherflow.rules.service.RuleService;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Rules (规则): versions saved, activated online, checked and dry-run. */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CENTRE_SUPERVISOR, Roles.AUDITOR})
public class RuleResource {

  @Inject RuleService rules;
  @Inject RuleActivationService activation;
  @Inject RuleQueryService queries;
  @Inject RuleDryRunService dryRuns;
  @Inject RuleBook book;

  @GET
  @Operation(summary = "Every rule, with the version in force")
  public Uni<List<RuleSummary>> list() {
    return queries.list();
  }

  @GET
  @Path("/facts")
  @Operation(summary = "The declared facts rules may read, and the kinds of rule")
  public RuleSchema schema() {
    return RuleSchema.current();
  }

  @GET
  @Path("/in-force")
  @Operation(
      summary =
          "The version of every rule in force on the node that answers (its live rule book), by"
              + " code: shows whether an activation has reached this node")
  public Map<String, Integer> inForce() {
    return book.versions();
  }

  @GET
  @Path("/{code}")
  @Operation(summary = "A rule with all its versions")
  public Uni<RuleView> get(@PathParam("code") String code) {
    return queries.get(code);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create a rule with its first version (not yet active)")
  public Uni<Response> create(@Valid @NotNull CreateRuleRequest r) {
    return rules
        .create(r.code(), r.kind(), r.name(), r.description(), r.expression())
        .map(v -> Response.created(URI.create("/api/rules/" + v.code())).entity(v).build());
  }

  @POST
  @Path("/{code}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Save the next version of a rule (not yet active)")
  public Uni<Response> addVersion(
      @PathParam("code") String code, @Valid @NotNull SaveVersionRequest r) {
    return rules
        .addVersion(code, r.name(), r.description(), r.expression())
        .map(v -> Response.created(URI.create("/api/rules/" + v.code())).entity(v).build());
  }

  @POST
  @Path("/{code}/versions/{version}/activate")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Put a version in force on every node")
  public Uni<RuleView> activate(@PathParam("code") String code, @PathParam("version") int version) {
    return activation.activate(code, version);
  }

  @POST
  @Path("/validate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Check an expression: issues with 1-based line and column")
  public RuleCheck validate(@NotNull ValidateRuleRequest r) {
    return dryRuns.check(r.expression(), r.kind());
  }

  @POST
  @Path("/dry-run")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Run a rule against given facts or a stored voucher; changes nothing")
  public Uni<RuleDryRunResult> dryRun(@NotNull RuleDryRun r) {
    return dryRuns.run(r);
  }
}
