package io.voucherflow.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The default rules VoucherFlow ships, read from {@code rules/<code>.yaml} on the classpath: YAML
 * so that an analyst can read (and a reviewer diff) each one.
 */
public final class ShippedRules {

  /** One shipped rule, as written in its file. */
  public record ShippedRule(
      String code, RuleKind kind, String name, String description, String expression) {}

  /** The codes of the shipped rules, in a stable order. */
  public static final List<String> CODES =
      List.of(
          "phone-verification.large-amount",
          "seal-check.mode-by-amount",
          "authorisation.branch-supplementary",
          "authorisation.centre-large-amount",
          "data-check.amount-words-match-figures",
          "priority.default");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ShippedRules() {}

  /** Every shipped rule, in {@link #CODES} order. */
  public static List<ShippedRule> all() {
    return CODES.stream().map(ShippedRules::load).toList();
  }

  private static ShippedRule load(String code) {
    String path = "rules/" + code + ".yaml";
    try (InputStream in = ShippedRules.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + path);
      }
      ShippedRule rule = YAML.readValue(in, ShippedRule.class);
      if (!code.equals(rule.code())) {
        throw new IllegalStateException(path + " declares code " + rule.code());
      }
      return rule;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
