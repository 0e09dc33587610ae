package io.voucherflow.capture.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.voucherflow.capture.BatchItem;
import io.voucherflow.capture.BatchResult;
import io.voucherflow.capture.CaptureMeta;
import io.voucherflow.capture.config.CaptureConfig;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.common.error.Problem;
import io.voucherflow.common.error.VoucherFlowException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Captures many vouchers from one scanner request. Each voucher is answered on its own: one bad
 * image refuses that voucher only, and vouchers are taken one after another to bound memory.
 */
@ApplicationScoped
public class BatchCaptureService {

  private static final TypeReference<List<BatchItem>> ITEMS = new TypeReference<>() {};
  private static final String PATH = "/api/vouchers/batch";

  private final CaptureService capture;
  private final CaptureConfig config;
  private final Validator validator;
  private final ObjectMapper json;

  @Inject
  public BatchCaptureService(
      CaptureService capture, CaptureConfig config, Validator validator, ObjectMapper json) {
    this.capture = capture;
    this.config = config;
    this.validator = validator;
    this.json = json;
  }

  /** {@code metaJson}: a JSON array of items; {@code files}: the uploaded parts by name. */
  public Uni<List<BatchResult>> capture(String metaJson, Map<String, Path> files) {
    List<BatchItem> items = parse(metaJson);
    return Multi.createFrom()
        .iterable(items)
        .onItem()
        .transformToUniAndConcatenate(item -> one(item, files))
        .collect()
        .asList();
  }

  private Uni<BatchResult> one(BatchItem item, Map<String, Path> files) {
    return Uni.createFrom()
        .deferred(
            () -> {
              CaptureMeta meta = item.meta();
              Set<ConstraintViolation<CaptureMeta>> violations = validator.validate(meta);
              if (!violations.isEmpty()) {
                ConstraintViolation<CaptureMeta> first = violations.iterator().next();
                throw InvalidInputException.ofField(
                    "request.validation-failed",
                    first.getPropertyPath().toString(),
                    first.getMessage());
              }
              Path front = item.front() == null ? null : files.get(item.front());
              Path back = item.back() == null ? null : files.get(item.back());
              if (item.back() != null && back == null) {
                throw InvalidInputException.ofField(
                    "capture.back-missing", "back", "names no uploaded part " + item.back());
              }
              return capture.capture(meta, front, back);
            })
        .map(receipt -> BatchResult.accepted(item.requestId(), receipt))
        .onFailure(VoucherFlowException.class)
        .recoverWithItem(
            e -> BatchResult.refused(item.requestId(), Problem.of((VoucherFlowException) e, PATH)));
  }

  private List<BatchItem> parse(String metaJson) {
    if (metaJson == null || metaJson.isBlank()) {
      throw InvalidInputException.ofField(
          "capture.batch-meta-missing", "meta", "is required: a JSON array of vouchers");
    }
    List<BatchItem> items;
    try {
      items = json.readValue(metaJson, ITEMS);
    } catch (JsonProcessingException e) {
      throw InvalidInputException.ofField(
          "request.malformed-json", "meta", "is not a JSON array of vouchers");
    }
    if (items.isEmpty() || items.size() > config.maxBatch()) {
      throw InvalidInputException.ofField(
          "capture.batch-size",
          "meta",
          "must list 1 to " + config.maxBatch() + " vouchers; it lists " + items.size());
    }
    Set<String> ids = items.stream().map(BatchItem::requestId).collect(Collectors.toSet());
    if (ids.size() != items.size()) {
      throw InvalidInputException.ofField(
          "capture.batch-duplicate-request", "meta", "repeats a requestId");
    }
    return items;
  }
}
