package io.voucherflow.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored version of a template; never updated (the database refuses it). */
@Entity
@Table(name = "voucher_template")
public class VoucherTemplate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String code;
  public int version;
  public String name;

  /** The {@link TemplateDefinition} as JSON. */
  public String definition;

  @Column(name = "reference_image_sha256")
  public String referenceImageSha256;

  @Column(name = "reference_width_px")
  public int referenceWidthPx;

  @Column(name = "reference_height_px")
  public int referenceHeightPx;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;
}
