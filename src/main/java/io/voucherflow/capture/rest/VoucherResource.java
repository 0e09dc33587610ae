package io.voucherflow.capture.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.capture.BatchResult;
import io.voucherflow.capture.CaptureMeta;
import io.voucherflow.capture.VoucherView;
import io.voucherflow.capture.service.BatchCaptureService;
import io.voucherflow.capture.service.CaptureService;
import io.voucherflow.capture.service.VoucherQueryService;
import io.voucherflow.capture.service.VoucherQueryService.StoredImage;
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
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Voucher capture (扫描录入) for branches, and reading captured vouchers. */
@Path("/api/vouchers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.TELLER,
  Roles.BRANCH_SUPERVISOR,
  Roles.REVIEWER,
  Roles.ARBITER,
  Roles.AUTHORIZER,
  Roles.SEAL_VERIFIER,
  Roles.PHONE_VERIFIER,
  Roles.CENTRE_SUPERVISOR,
  Roles.AUDITOR
})
public class VoucherResource {

  @Inject CaptureService capture;
  @Inject BatchCaptureService batch;
  @Inject VoucherQueryService query;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Roles.TELLER)
  @Operation(
      summary =
          "Capture one voucher: front (required), back (optional), meta JSON; 202 once stored")
  public Uni<Response> capture(
      @RestForm("meta") @PartType(MediaType.APPLICATION_JSON) @Valid @NotNull CaptureMeta meta,
      @RestForm("front") FileUpload front,
      @RestForm("back") FileUpload back) {
    return capture
        .capture(
            meta,
            front == null ? null : front.uploadedFile(),
            back == null ? null : back.uploadedFile())
        .map(
            receipt -> Response.accepted(receipt).location(URI.create(receipt.location())).build());
  }

  @POST
  @Path("/batch")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Roles.TELLER)
  @Operation(
      summary = "Capture many vouchers; meta is a JSON array naming each voucher's image parts")
  public Uni<List<BatchResult>> captureBatch(
      @RestForm("meta") String meta, @RestForm(FileUpload.ALL) List<FileUpload> files) {
    Map<String, java.nio.file.Path> parts =
        files.stream()
            .collect(Collectors.toMap(FileUpload::name, FileUpload::uploadedFile, (a, b) -> a));
    return batch.capture(meta, parts);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A voucher: state, template, skew, fields and stage timings")
  public Uni<VoucherView> get(@PathParam("id") UUID id) {
    return query.get(id);
  }

  @GET
  @Path("/{id}/images/{part}")
  @Produces({"image/png", "image/jpeg", "image/tiff", MediaType.APPLICATION_JSON})
  @Operation(summary = "The front, back or deskewed image (every view is audited)")
  public Uni<Response> image(@PathParam("id") UUID id, @PathParam("part") String part) {
    return query.image(id, part).map(VoucherResource::ok);
  }

  @GET
  @Path("/{id}/fields/{name}/slice")
  @Produces({"image/png", MediaType.APPLICATION_JSON})
  @Operation(summary = "The slice of one field (every view is audited)")
  public Uni<Response> slice(@PathParam("id") UUID id, @PathParam("name") String name) {
    return query.slice(id, name).map(VoucherResource::ok);
  }

  private static Response ok(StoredImage image) {
    return Response.ok(image.bytes(), image.mediaType())
        .header("Cache-Control", "private, no-store")
        .build();
  }
}
