package io.voucherflow.capture.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.mutiny.core.Vertx;
import io.voucherflow.audit.service.SqlAuditAppender.Actor;
import io.voucherflow.audit.service.SqlAuditAppender.Change;
import io.voucherflow.capture.CaptureMeta;
import io.voucherflow.capture.CaptureReceipt;
import io.voucherflow.capture.Voucher;
import io.voucherflow.capture.VoucherState;
import io.voucherflow.capture.config.CaptureConfig;
import io.voucherflow.capture.repository.CaptureWriter;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.common.error.UnavailableException;
import io.voucherflow.content.ContentStore;
import io.voucherflow.imaging.ImageHeader;
import io.voucherflow.pipeline.VoucherWork;
import io.voucherflow.security.Caller;
import io.voucherflow.staff.Staff;
import io.voucherflow.staff.service.CurrentStaffService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Accepts scans from branches. A voucher is answered 202 only after its images are durably in the
 * content store and its row is committed, so an accepted voucher survives any single crash; it is
 * then offered to the pipeline, and if that fails the recovery sweep offers it again.
 */
@ApplicationScoped
public class CaptureService {

  private final ContentStore content;
  private final CaptureWriter writer;
  private final CurrentStaffService current;
  private final Caller caller;
  private final VoucherIntake intake;
  private final CaptureConfig config;
  private final UploadCheck check;
  // Bounds the captures holding a database transaction, so they never starve the pipeline's writes.
  private final Semaphore admission;
  private final Vertx vertx;

  @Inject
  public CaptureService(
      ContentStore content,
      CaptureWriter writer,
      CurrentStaffService current,
      Caller caller,
      VoucherIntake intake,
      CaptureConfig config,
      Vertx vertx) {
    this.content = content;
    this.writer = writer;
    this.current = current;
    this.caller = caller;
    this.intake = intake;
    this.config = config;
    this.check = new UploadCheck(config);
    this.admission = new Semaphore(config.maxConcurrent());
    this.vertx = vertx;
  }

  /**
   * Accepts one voucher: {@code front} is required, {@code back} optional (uploaded files on disk).
   */
  public Uni<CaptureReceipt> capture(CaptureMeta meta, Path front, Path back) {
    if (front == null) {
      return Uni.createFrom()
          .failure(InvalidInputException.ofField("capture.front-missing", "front", "is required"));
    }
    if (!intake.hasRoom()) {
      // Refused before the upload is even read: under overload the 503 must cost next to nothing.
      return Uni.createFrom().failure(overloaded(null));
    }
    return vertx
        .executeBlocking(
            Uni.createFrom()
                .item(
                    Unchecked.supplier(
                        () ->
                            new Upload(
                                readLimited("front", front),
                                back == null ? null : readLimited("back", back)))),
            false) // unordered: uploads do not wait for each other's reads
        .chain(upload -> capture(meta, upload.front(), upload.back()));
  }

  /** As {@link #capture(CaptureMeta, Path, Path)}, for images in memory. */
  public Uni<CaptureReceipt> capture(CaptureMeta meta, byte[] front, byte[] back) {
    if (!intake.hasRoom() || !admission.tryAcquire()) {
      return Uni.createFrom().failure(overloaded(null));
    }
    try {
      ImageHeader frontHeader = check.check("front", front, config.maxPages());
      if (back != null) {
        check.check("back", back, 1);
        if (frontHeader.pageCount() > 1) {
          throw InvalidInputException.ofField(
              "capture.back-twice",
              "back",
              "must not be sent when the front file already holds the back page");
        }
      }
      return store(meta, front, back, frontHeader)
          // A capture that cannot get a database connection in time meets overload, not a fault.
          .onFailure(CaptureService::isPoolTimeout)
          .transform(this::overloaded)
          .onTermination()
          .invoke(admission::release);
    } catch (RuntimeException refused) {
      admission.release();
      throw refused;
    }
  }

  private Uni<CaptureReceipt> store(
      CaptureMeta meta, byte[] front, byte[] back, ImageHeader frontHeader) {
    // Read while the request is in hand: the steps below run after asynchronous hops.
    Actor actor = actor();
    return content
        .put(front)
        .chain(
            frontSha ->
                back == null
                    ? Uni.createFrom().item(new String[] {frontSha, null})
                    : content.put(back).map(backSha -> new String[] {frontSha, backSha}))
        .chain(
            shas ->
                current
                    .requireFast()
                    .chain(teller -> insert(meta, teller, shas[0], frontHeader, shas[1], actor))
                    .invoke(
                        receipt -> {
                          if (!receipt.duplicate()) {
                            intake.submit(
                                new VoucherWork(
                                    receipt.id(), shas[0], frontHeader.format().name(), shas[1]));
                          }
                        }));
  }

  private Actor actor() {
    String agent = caller.userAgent();
    return new Actor(
        caller.username(),
        String.join(",", caller.roles()),
        caller.sourceIp(),
        agent == null || agent.length() <= 300 ? agent : agent.substring(0, 300));
  }

  private UnavailableException overloaded(Throwable cause) {
    return new UnavailableException(
        "capture.overloaded",
        "The platform is saturated; retry shortly",
        cause,
        intake.retryAfterSeconds());
  }

  private static boolean isPoolTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof io.vertx.core.impl.NoStackTraceThrowable
          && "Timeout".equals(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private Uni<CaptureReceipt> insert(
      CaptureMeta meta,
      Staff teller,
      String frontSha,
      ImageHeader header,
      String backSha,
      Actor actor) {
    Voucher v = new Voucher();
    v.id = UUID.randomUUID();
    v.requestId = meta.requestId();
    v.teller = teller.username;
    v.branchUnitId = teller.orgUnitId;
    v.businessType = meta.businessType();
    v.declaredAmount = meta.declaredAmount();
    v.currency = meta.declaredAmount() == null ? null : "CNY";
    v.state = VoucherState.ACCEPTED;
    v.originalSha256 = frontSha;
    v.originalFormat = header.format().name();
    v.backSha256 = backSha;
    v.acceptedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Map<String, Object> details =
        new HashMap<>(
            Map.of(
                "requestId",
                v.requestId,
                "businessType",
                v.businessType,
                "original",
                frontSha,
                "pages",
                header.pageCount()));
    if (backSha != null) {
      details.put("back", backSha);
    }
    return writer.insert(
        v, new Change("voucher.captured", "voucher", v.id.toString(), details), actor);
  }

  private byte[] readLimited(String part, Path file) throws java.io.IOException {
    if (Files.size(file) > config.maxBytes()) {
      throw InvalidInputException.ofField(
          "capture.image-too-large",
          part,
          "is " + Files.size(file) + " bytes; the limit is " + config.maxBytes());
    }
    return Files.readAllBytes(file);
  }

  private record Upload(byte[] front, byte[] back) {}
}
