package io.voucherflow.template.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.security.Roles;
import io.voucherflow.template.TemplateDefinition;
import io.voucherflow.template.TemplateSummary;
import io.voucherflow.template.TemplateView;
import io.voucherflow.template.service.TemplateService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Voucher templates (版面) and their versions. */
@Path("/api/templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CENTRE_SUPERVISOR, Roles.AUDITOR, Roles.TELLER, Roles.REVIEWER})
public class TemplateResource {

  @Inject TemplateService service;

  @GET
  @Operation(summary = "The latest version of every template")
  public Uni<List<TemplateSummary>> list() {
    return service.list();
  }

  @GET
  @Path("/{code}")
  @Operation(summary = "The latest version of a template, with fields and regions")
  public Uni<TemplateView> latest(@PathParam("code") String code) {
    return service.latest(code);
  }

  @GET
  @Path("/{code}/versions/{version}")
  @Operation(summary = "One version of a template")
  public Uni<TemplateView> version(
      @PathParam("code") String code, @PathParam("version") int version) {
    return service.version(code, version);
  }

  @GET
  @Path("/{code}/versions/{version}/reference-image")
  @Produces({"image/png", "image/jpeg", MediaType.APPLICATION_JSON})
  @Operation(summary = "The reference image regions are measured against")
  public Uni<Response> referenceImage(
      @PathParam("code") String code, @PathParam("version") int version) {
    return service
        .referenceImage(code, version)
        .map(bytes -> Response.ok(bytes, isPng(bytes) ? "image/png" : "image/jpeg").build());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Create the next version of a template from a definition and a reference image")
  public Uni<Response> create(
      @RestForm("definition") @PartType(MediaType.APPLICATION_JSON) TemplateDefinition definition,
      @RestForm("referenceImage") FileUpload referenceImage) {
    return service
        .create(definition, referenceImage == null ? null : referenceImage.uploadedFile())
        .map(
            v ->
                Response.created(URI.create(v.referenceImage().replace("/reference-image", "")))
                    .entity(v)
                    .build());
  }

  private static boolean isPng(byte[] bytes) {
    return bytes.length > 4
        && bytes[0] == (byte) 0x89
        && bytes[1] == 'P'
        && bytes[2] == 'N'
        && bytes[3] == 'G';
  }
}
