package io.voucherflow.capture;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One field of a processed voucher: where its slice is and what OCR and keying made of it. */
@Entity
@Table(name = "voucher_field")
@IdClass(VoucherField.Key.class)
public class VoucherField {

  @Id
  @Column(name = "voucher_id")
  public UUID voucherId;

  @Id public String name;

  public String kind;

  @Column(name = "entry_mode")
  public String entryMode;

  @Column(name = "slice_sha256")
  public String sliceSha256;

  @Column(name = "box_x")
  public Integer boxX;

  @Column(name = "box_y")
  public Integer boxY;

  @Column(name = "box_width")
  public Integer boxWidth;

  @Column(name = "box_height")
  public Integer boxHeight;

  @Column(name = "ocr_value")
  public String ocrValue;

  @Column(name = "ocr_confidence")
  public Double ocrConfidence;

  @Column(name = "final_value")
  public String finalValue;

  public String state;

  /** The composite key (voucher, field name). */
  public static class Key implements Serializable {
    public UUID voucherId;
    public String name;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(voucherId, k.voucherId)
          && java.util.Objects.equals(name, k.name);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(voucherId, name);
    }
  }
}
