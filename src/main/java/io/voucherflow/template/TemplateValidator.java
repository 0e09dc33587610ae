package io.voucherflow.template;

import io.voucherflow.common.error.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a template definition before it is stored, naming each bad field by its JSON path (e.g.
 * {@code fields[2].region}) so an administrator can fix the designer's output.
 */
public final class TemplateValidator {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
  private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-zA-Z0-9_]{0,63}");
  private static final Set<String> LANGUAGES = Set.of("eng", "chi_sim");
  // Paper vouchers run from small slips to A4 landscape; anything outside is a unit mistake.
  private static final double MIN_MM = 50;
  private static final double MAX_MM = 420;

  /** Alignment estimates an affine transform, which needs three points. */
  public static final int MIN_ANCHORS = 3;

  private TemplateValidator() {}

  /** Every problem of the definition; empty when it may be stored. */
  public static List<FieldError> problems(TemplateDefinition t) {
    List<FieldError> errors = new ArrayList<>();
    if (t.code() == null || !CODE.matcher(t.code()).matches()) {
      errors.add(
          new FieldError(
              "code", "must be 2-64 upper-case letters, digits or '_', starting with a letter"));
    }
    if (t.name() == null || t.name().isBlank() || t.name().length() > 200) {
      errors.add(new FieldError("name", "must be 1-200 characters"));
    }
    if (t.businessTypes() == null
        || t.businessTypes().isEmpty()
        || t.businessTypes().stream().anyMatch(b -> b == null || b.isBlank())) {
      errors.add(new FieldError("businessTypes", "must name at least one business type"));
    }
    if (t.page() == null || !within(t.page().widthMm()) || !within(t.page().heightMm())) {
      errors.add(
          new FieldError(
              "page", "width and height must be between " + MIN_MM + " and " + MAX_MM + " mm"));
      return errors; // regions cannot be checked without a page
    }
    if (t.qr() != null) {
      checkRegion(t, t.qr().region(), "qr.region", errors);
    }
    checkAnchors(t, errors);
    checkFields(t, errors);
    return errors;
  }

  private static void checkAnchors(TemplateDefinition t, List<FieldError> errors) {
    if (t.anchors() == null || t.anchors().size() < MIN_ANCHORS) {
      errors.add(
          new FieldError(
              "anchors", "at least " + MIN_ANCHORS + " anchors are needed to align scans"));
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < t.anchors().size(); i++) {
      Anchor a = t.anchors().get(i);
      if (a.name() == null || !names.add(a.name())) {
        errors.add(new FieldError("anchors[" + i + "].name", "must be present and unique"));
      }
      checkRegion(t, a.region(), "anchors[" + i + "].region", errors);
    }
  }

  private static void checkFields(TemplateDefinition t, List<FieldError> errors) {
    if (t.fields() == null || t.fields().isEmpty()) {
      errors.add(new FieldError("fields", "a template needs at least one field"));
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < t.fields().size(); i++) {
      FieldSpec f = t.fields().get(i);
      String at = "fields[" + i + "]";
      if (f.name() == null || !FIELD_NAME.matcher(f.name()).matches()) {
        errors.add(new FieldError(at + ".name", "must be a camelCase or snake_case identifier"));
      } else if (!names.add(f.name())) {
        errors.add(new FieldError(at + ".name", "duplicates another field's name " + f.name()));
      }
      if (f.kind() == null) {
        errors.add(new FieldError(at + ".kind", "is required"));
      }
      if (f.entryMode() == null) {
        errors.add(new FieldError(at + ".entryMode", "is required"));
      }
      checkRegion(t, f.region(), at + ".region", errors);
      checkOcr(f, at, errors);
    }
  }

  private static void checkOcr(FieldSpec f, String at, List<FieldError> errors) {
    boolean image = f.kind() == FieldKind.SEAL || f.kind() == FieldKind.SIGNATURE;
    if (image && f.entryMode() == EntryMode.OCR_ONLY) {
      errors.add(
          new FieldError(at + ".entryMode", "a " + f.kind().json() + " cannot be read by OCR"));
    }
    if (f.entryMode() == EntryMode.OCR_ONLY && f.ocr() == null) {
      errors.add(new FieldError(at + ".ocr", "is required when the entry mode is ocr_only"));
    }
    if (f.ocr() == null) {
      return;
    }
    if (!LANGUAGES.contains(f.ocr().language())) {
      errors.add(new FieldError(at + ".ocr.language", "must be one of " + LANGUAGES));
    }
    if (f.ocr().pageSegMode() < 0 || f.ocr().pageSegMode() > 13) {
      errors.add(
          new FieldError(
              at + ".ocr.pageSegMode", "must be a Tesseract page-segmentation mode 0-13"));
    }
  }

  private static void checkRegion(
      TemplateDefinition t, Region r, String at, List<FieldError> errors) {
    if (r == null) {
      errors.add(new FieldError(at, "is required"));
      return;
    }
    Region page = new Region(0, 0, t.page().widthMm(), t.page().heightMm());
    if (r.width() <= 0 || r.height() <= 0 || !page.contains(r)) {
      errors.add(
          new FieldError(
              at,
              "must have a positive size and lie inside the "
                  + t.page().widthMm()
                  + "x"
                  + t.page().heightMm()
                  + " mm page"));
    }
  }

  private static boolean within(double mm) {
    return mm >= MIN_MM && mm <= MAX_MM;
  }
}
