package io.voucherflow.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A voucher as the branch and the centre see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoucherView(
    UUID id,
    VoucherState state,
    String businessType,
    BigDecimal declaredAmount,
    String teller,
    TemplateRef template,
    Double skewDegrees,
    List<FieldView> fields,
    Map<String, Double> stageMillis,
    Failure failure,
    Instant acceptedAt,
    Instant processedAt) {

  /** Which template the voucher was recognised as, how, and how sure. */
  public record TemplateRef(
      String code, Integer version, String recognition, Double confidence, String serial) {}

  /** One field: what OCR read and what keying settled on. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldView(
      String name,
      String kind,
      String entryMode,
      String ocrValue,
      Double ocrConfidence,
      String finalValue,
      String state) {}

  /** Where and why processing stopped. */
  public record Failure(String stage, String reason) {}
}
