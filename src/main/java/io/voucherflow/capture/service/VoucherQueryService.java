package io.voucherflow.capture.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.voucherflow.audit.service.AuditService;
import io.voucherflow.capture.Voucher;
import io.voucherflow.capture.VoucherField;
import io.voucherflow.capture.VoucherView;
import io.voucherflow.capture.repository.VoucherFieldRepository;
import io.voucherflow.capture.repository.VoucherRepository;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.content.ContentStore;
import io.voucherflow.imaging.Deskewed;
import io.voucherflow.imaging.Deskewer;
import io.voucherflow.imaging.PageImage;
import io.voucherflow.staff.service.CallerScopeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads vouchers within the caller's organisation scope (a teller sees their branch's vouchers
 * only; a voucher outside the scope does not exist for them). Every image served is audited.
 */
@ApplicationScoped
public class VoucherQueryService {

  private static final TypeReference<Map<String, Double>> MILLIS = new TypeReference<>() {};

  private final VoucherRepository vouchers;
  private final VoucherFieldRepository fields;
  private final CallerScopeService scope;
  private final ContentStore content;
  private final AuditService audit;
  private final ObjectMapper json;
  private final Deskewer deskewer;
  private final Vertx vertx;

  // Grayscale JPEG at 90: a fifth of the PNG's size and no visible loss on print.
  private static final int DESKEWED_QUALITY = 90;

  @Inject
  public VoucherQueryService(
      VoucherRepository vouchers,
      VoucherFieldRepository fields,
      CallerScopeService scope,
      ContentStore content,
      AuditService audit,
      ObjectMapper json,
      Deskewer deskewer,
      Vertx vertx) {
    this.deskewer = deskewer;
    this.vertx = vertx;
    this.vouchers = vouchers;
    this.fields = fields;
    this.scope = scope;
    this.content = content;
    this.audit = audit;
    this.json = json;
  }

  @WithSession
  public Uni<VoucherView> get(UUID id) {
    return visible(id).chain(v -> fields.of(id).map(list -> view(v, list)));
  }

  /** An image of the voucher: {@code front}, {@code back} or {@code deskewed}. */
  @WithTransaction
  public Uni<StoredImage> image(UUID id, String part) {
    return visible(id)
        .chain(
            v -> {
              if (part.equals("deskewed") && v.deskewedSha256 == null && v.skewDegrees != null) {
                return renderDeskewed(v).chain(sha -> serve(v, part, sha));
              }
              String sha =
                  switch (part) {
                    case "front" -> v.originalSha256;
                    case "back" -> v.backSha256;
                    case "deskewed" -> v.deskewedSha256;
                    default ->
                        throw new NotFoundException(
                            "voucher.image-not-found",
                            "No image " + part + "; use front, back or deskewed");
                  };
              if (sha == null) {
                throw new NotFoundException(
                    "voucher.image-not-found",
                    "Voucher " + id + " has no " + part + " image (yet)");
              }
              return serve(v, part, sha);
            });
  }

  /** The slice of one field. */
  @WithTransaction
  public Uni<StoredImage> slice(UUID id, String fieldName) {
    return visible(id)
        .chain(
            v ->
                fields
                    .find(id, fieldName)
                    .chain(
                        f -> {
                          if (f == null || f.sliceSha256 == null) {
                            throw new NotFoundException(
                                "voucher.slice-not-found",
                                "Voucher " + id + " has no slice " + fieldName);
                          }
                          return serve(v, "slice:" + fieldName, f.sliceSha256);
                        }));
  }

  /**
   * The straightened front, made on first request and kept: the pipeline does not store it, as
   * encoding a whole page for every voucher would cost a fifth of its time for a view that is
   * rarely wanted. Deskewing is deterministic, so this is the page the pipeline sliced.
   */
  private Uni<String> renderDeskewed(Voucher v) {
    return content
        .get(v.originalSha256)
        .chain(
            original ->
                vertx.executeBlocking(
                    () -> {
                      try (PageImage front = PageImage.decode(original);
                          Deskewed straight = deskewer.deskew(front)) {
                        return content.putDerivedNow(straight.page().encodeJpeg(DESKEWED_QUALITY));
                      }
                    },
                    false))
        .invoke(sha -> v.deskewedSha256 = sha);
  }

  private Uni<StoredImage> serve(Voucher v, String part, String sha) {
    return audit
        .record("voucher.image-viewed", "voucher", v.id, Map.of("image", part, "content", sha))
        .chain(() -> content.get(sha))
        .map(StoredImage::of);
  }

  private Uni<Voucher> visible(UUID id) {
    return vouchers
        .findById(id)
        .chain(
            v ->
                scope
                    .visibleUnits()
                    .map(
                        s -> {
                          if (v == null || !s.includes(v.branchUnitId)) {
                            throw new NotFoundException("voucher.not-found", "No voucher " + id);
                          }
                          return v;
                        }));
  }

  private VoucherView view(Voucher v, List<VoucherField> list) {
    return new VoucherView(
        v.id,
        v.state,
        v.businessType,
        v.declaredAmount,
        v.teller,
        v.recognition == null
            ? null
            : new VoucherView.TemplateRef(
                v.templateCode,
                v.templateVersion,
                v.recognition,
                v.recognitionConfidence,
                v.serial),
        v.skewDegrees,
        list.stream()
            .map(
                f ->
                    new VoucherView.FieldView(
                        f.name,
                        f.kind,
                        f.entryMode,
                        f.ocrValue,
                        f.ocrConfidence,
                        f.finalValue,
                        f.state))
            .toList(),
        millis(v.stageMillis),
        v.failureStage == null ? null : new VoucherView.Failure(v.failureStage, v.failureReason),
        v.acceptedAt,
        v.processedAt);
  }

  private Map<String, Double> millis(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return json.readValue(stored, MILLIS);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Image bytes and their media type, sniffed from the magic number. */
  public record StoredImage(byte[] bytes, String mediaType) {
    static StoredImage of(byte[] bytes) {
      String type = "application/octet-stream";
      if (bytes.length > 3 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P') {
        type = "image/png";
      } else if (bytes.length > 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
        type = "image/jpeg";
      } else if (bytes.length > 2 && (bytes[0] == 'I' || bytes[0] == 'M') && bytes[0] == bytes[1]) {
        type = "image/tiff";
      }
      return new StoredImage(bytes, type);
    }
  }
}
