package io.voucherflow.synthetic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.TemplateDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The printed artwork of a voucher form beyond what the template itself says: title, colours, table
 * frames and lines, labels, and whose seal goes in the seal area. Loaded from {@code
 * synthetic/forms/<CODE>.json}; a template without one gets a plain generic form. Boxes are {@code
 * [x, y, width, height]} and lines {@code [x1, y1, x2, y2]}, in millimetres.
 */
record FormLayout(
    String title,
    String ink,
    String paper,
    String tint,
    Seal seal,
    List<double[]> frames,
    List<double[]> lines,
    List<Label> labels) {

  /** A printed label; {@code size} is the character height in mm (0 = fit the box). */
  record Label(String text, double[] box, double size, String align, boolean vertical) {}

  /**
   * The seal impression: {@code style} {@code company} (round seal and a personal square seal) or
   * {@code bank} (a bank's rectangular 转讫 stamp); {@code owner} names the field whose value the
   * seal carries, or is null for the drawer (出票人), who may not appear in any field.
   */
  record Seal(String style, String owner) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final Map<String, Optional<FormLayout>> SHIPPED = new ConcurrentHashMap<>();

  static FormLayout forTemplate(TemplateDefinition template) {
    return SHIPPED
        .computeIfAbsent(template.code(), FormLayout::load)
        .orElseGet(() -> generic(template));
  }

  private static Optional<FormLayout> load(String code) {
    String path = "synthetic/forms/" + code + ".json";
    try (InputStream in = FormLayout.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(JSON.readValue(in, FormLayout.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read form layout " + path, e);
    }
  }

  /** A plain form for templates without artwork: a frame around every field. */
  private static FormLayout generic(TemplateDefinition template) {
    List<double[]> frames =
        template.fields().stream()
            .map(FieldSpec::region)
            .map(r -> r.grow(0.6))
            .map(r -> new double[] {r.x(), r.y(), r.width(), r.height()})
            .toList();
    return new FormLayout(
        template.name(),
        "#263238",
        "#ffffff",
        "#e4e8ea",
        new Seal("company", null),
        frames,
        List.of(),
        List.of());
  }
}
