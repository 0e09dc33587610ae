package io.voucherflow.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.voucherflow.template.TemplateDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The voucher templates VoucherFlow ships (转账支票, 进账单, 电汇凭证), read once from {@code
 * templates/<CODE>.json} on the classpath.
 */
public final class ShippedTemplates {

  /** The codes of the shipped templates, in a stable order. */
  public static final List<String> CODES = List.of("TRANSFER_CHEQUE", "CREDIT_SLIP", "REMITTANCE");

  private static final List<TemplateDefinition> ALL =
      CODES.stream().map(ShippedTemplates::load).toList();

  private ShippedTemplates() {}

  /** Every shipped template, in {@link #CODES} order. */
  public static List<TemplateDefinition> all() {
    return ALL;
  }

  /** The shipped template with this code, if there is one. */
  public static Optional<TemplateDefinition> find(String code) {
    return ALL.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  /**
   * The shipped template with this code; an unknown code is an {@link IllegalArgumentException}.
   */
  public static TemplateDefinition byCode(String code) {
    return find(code)
        .orElseThrow(
            () ->
                new IllegalArgumentException("no shipped template " + code + "; known: " + CODES));
  }

  private static TemplateDefinition load(String code) {
    String path = "templates/" + code + ".json";
    try (InputStream in = ShippedTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + path);
      }
      return new ObjectMapper().readValue(in, TemplateDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
