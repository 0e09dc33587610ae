package io.voucherflow.capture;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A captured voucher: who sent it, its stored images, and what intake found. */
@Entity
@Table(name = "voucher")
public class Voucher {

  @Id public UUID id;

  @Column(name = "request_id")
  public String requestId;

  public String teller;

  @Column(name = "branch_unit_id")
  public Long branchUnitId;

  @Column(name = "business_type")
  public String businessType;

  @Column(name = "declared_amount")
  public BigDecimal declaredAmount;

  public String currency;

  @Enumerated(EnumType.STRING)
  public VoucherState state;

  /** The upload as received (JPEG, PNG, or a TIFF holding front and back). */
  @Column(name = "original_sha256")
  public String originalSha256;

  @Column(name = "original_format")
  public String originalFormat;

  @Column(name = "back_sha256")
  public String backSha256;

  @Column(name = "deskewed_sha256")
  public String deskewedSha256;

  @Column(name = "template_code")
  public String templateCode;

  @Column(name = "template_version")
  public Integer templateVersion;

  /** How the template was recognised: {@code QR} or {@code MATCH}. */
  public String recognition;

  @Column(name = "recognition_confidence")
  public Double recognitionConfidence;

  public String serial;

  @Column(name = "skew_degrees")
  public Double skewDegrees;

  /** JSON object: milliseconds per pipeline stage. */
  @Column(name = "stage_millis")
  public String stageMillis;

  @Column(name = "failure_stage")
  public String failureStage;

  @Column(name = "failure_reason")
  public String failureReason;

  @Column(name = "accepted_at")
  public Instant acceptedAt;

  @Column(name = "processed_at")
  public Instant processedAt;
}
