package io.voucherflow.template;

import java.util.List;

/**
 * A voucher layout (版面): page size, where its QR code and alignment anchors are printed, and its
 * fields. All coordinates are millimetres from the page's top-left corner; a page image of width
 * {@code w} pixels maps them with {@code px = mm * w / page.widthMm()}.
 *
 * <p>A definition is immutable: a change is a new {@code version}, and vouchers keep the version
 * they were captured with.
 */
public record TemplateDefinition(
    String code,
    int version,
    String name,
    List<String> businessTypes,
    PageSize page,
    QrSpec qr,
    List<Anchor> anchors,
    List<FieldSpec> fields) {

  /** The field with this name, or null. */
  public FieldSpec field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
  }

  /** The QR payload printed on vouchers of this template: {@code VF|code|version|serial}. */
  public String qrPayload(String serial) {
    return QrSpec.PAYLOAD_PREFIX + code + "|" + version + "|" + serial;
  }
}
