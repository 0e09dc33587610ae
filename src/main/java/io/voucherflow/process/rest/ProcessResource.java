package io.voucherflow.process.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.process.Activation;
import io.voucherflow.process.BindingView;
import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.ProcessDiff;
import io.voucherflow.process.ProcessDocuments.Format;
import io.voucherflow.process.ProcessSummary;
import io.voucherflow.process.ProcessView;
import io.voucherflow.process.ValidationReport;
import io.voucherflow.process.VersionSummary;
import io.voucherflow.process.service.ProcessActivationService;
import io.voucherflow.process.service.ProcessAuthoringService;
import io.voucherflow.process.service.ProcessService;
import io.voucherflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Process templates (流程模板): versions, validation, activation, diffs and bindings. */
@Path("/api/processes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.CENTRE_SUPERVISOR})
public class ProcessResource {

  /** Definitions may be written in YAML, as the shipped ones are. */
  public static final String YAML = "application/yaml";

  @Inject ProcessService processes;
  @Inject ProcessAuthoringService authoring;
  @Inject ProcessActivationService activation;

  @GET
  @Operation(summary = "Every process with its latest and active version")
  public Uni<List<ProcessSummary>> list() {
    return processes.list();
  }

  @GET
  @Path("/bindings")
  @Operation(summary = "Which process version each business type's new cases start on")
  public Uni<List<BindingView>> bindings() {
    return activation.bindings();
  }

  @GET
  @Path("/bindings/{businessType}")
  @Operation(summary = "The process version a business type's new cases start on")
  public Uni<BindingView> binding(@PathParam("businessType") String businessType) {
    return activation.binding(businessType);
  }

  @GET
  @Path("/{code}")
  @Operation(summary = "The latest version of a process")
  public Uni<ProcessView> latest(@PathParam("code") String code) {
    return processes.latest(code);
  }

  @GET
  @Path("/{code}/versions")
  @Operation(summary = "Every version of a process, oldest first")
  public Uni<List<VersionSummary>> versions(@PathParam("code") String code) {
    return processes.versions(code);
  }

  @GET
  @Path("/{code}/versions/{version}")
  @Operation(summary = "One version of a process")
  public Uni<ProcessView> version(
      @PathParam("code") String code, @PathParam("version") int version) {
    return processes.version(code, version);
  }

  @GET
  @Path("/{code}/diff")
  @Operation(summary = "Added, removed and changed nodes and transitions between two versions")
  public Uni<ProcessDiff> diff(
      @PathParam("code") String code,
      @QueryParam("from") Integer from,
      @QueryParam("to") Integer to) {
    return processes.diff(code, from, to);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Save the next version of a process (not active until activated)")
  @RequestBody(content = @Content(schema = @Schema(implementation = ProcessDefinition.class)))
  public Uni<Response> save(String body) {
    return authoring.save(body, Format.JSON).map(ProcessResource::created);
  }

  @POST
  @Consumes(YAML)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Save the next version of a process written in YAML")
  public Uni<Response> saveYaml(String body) {
    return authoring.save(body, Format.YAML).map(ProcessResource::created);
  }

  @POST
  @Path("/validate")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Check a definition as a save would, storing nothing")
  @RequestBody(content = @Content(schema = @Schema(implementation = ProcessDefinition.class)))
  public Uni<ValidationReport> validate(String body) {
    return authoring.validate(body, Format.JSON);
  }

  @POST
  @Path("/validate")
  @Consumes(YAML)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Check a definition written in YAML, storing nothing")
  public Uni<ValidationReport> validateYaml(String body) {
    return authoring.validate(body, Format.YAML);
  }

  @POST
  @Path("/{code}/versions/{version}/activate")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Make a version active; a business process's types are bound to it")
  public Uni<Activation> activate(
      @PathParam("code") String code, @PathParam("version") int version) {
    return activation.activate(code, version);
  }

  private static Response created(ProcessView v) {
    return Response.created(
            URI.create(
                "/api/processes/"
                    + v.definition().code()
                    + "/versions/"
                    + v.definition().version()))
        .entity(v)
        .build();
  }
}
