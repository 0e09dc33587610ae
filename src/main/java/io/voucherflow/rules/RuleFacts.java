package io.voucherflow.rules;

import static io.voucherflow.rules.FactType.BOOL;
import static io.voucherflow.rules.FactType.DOUBLE_MAP;
import static io.voucherflow.rules.FactType.INT;
import static io.voucherflow.rules.FactType.STRING;
import static io.voucherflow.rules.FactType.STRING_LIST;
import static io.voucherflow.rules.FactType.STRING_MAP;

import io.voucherflow.common.error.FieldError;
import io.voucherflow.common.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The declared, typed facts a rule may read; a name outside this list does not compile.
 *
 * <p>Money is exact: amounts are whole fen ({@code voucher.amountCents}, {@code cents(s)}), never
 * double. Facts are handed to the evaluator as one flat map keyed by the dotted names below; {@link
 * #of} builds it from flat or nested input.
 */
public final class RuleFacts {

  /** Problem code for facts that are not declared or have the wrong type. */
  public static final String INVALID_CODE = "rules.facts.invalid";

  /** One declared fact: its dotted name, its type and what it means. */
  public record Fact(String name, FactType type, String description) {}

  private static final List<Fact> DECLARED =
      List.of(
          new Fact("voucher.businessType", STRING, "business type captured at the branch"),
          new Fact("voucher.templateCode", STRING, "recognised template, e.g. TRANSFER_CHEQUE"),
          new Fact("voucher.branch", STRING, "code of the capturing branch"),
          new Fact("voucher.teller", STRING, "user name of the capturing teller"),
          new Fact("voucher.amountCents", INT, "amount in fen (分): keyed, or declared before"),
          new Fact("voucher.currency", STRING, "ISO 4217 currency, e.g. CNY"),
          new Fact("voucher.branchAuthorised", BOOL, "a branch supervisor authorised it"),
          new Fact("fields", STRING_MAP, "keyed value per field name, e.g. fields.amount_words"),
          new Fact("ocr.values", STRING_MAP, "what OCR read per field name"),
          new Fact("ocr.confidence", DOUBLE_MAP, "OCR confidence 0–1 per field name"),
          new Fact("now.minuteOfDay", INT, "minutes since midnight at the centre, 0–1439"),
          new Fact("now.date", STRING, "business date, ISO (2026-10-20)"),
          new Fact("now.dayOfWeek", INT, "1 = Monday … 7 = Sunday"),
          new Fact("cutoff.minuteOfDay", INT, "payment-system cut-off for this voucher, minutes"),
          new Fact(
              "cutoff.deadline",
              INT,
              "first cut-off on an open day at or after capture, minutes since 1970-01-01 (centre"
                  + " time)"),
          new Fact("customer.flags", STRING_LIST, "flags on the customer, e.g. vip"),
          new Fact("account.flags", STRING_LIST, "flags on the drawer's account, e.g. dormant"));

  private static final Map<String, Fact> BY_NAME =
      DECLARED.stream().collect(Collectors.toUnmodifiableMap(Fact::name, Function.identity()));

  private RuleFacts() {}

  /** Every declared fact, in a stable order for designers to list. */
  public static List<Fact> declared() {
    return DECLARED;
  }

  /** The declared fact of this dotted name. */
  public static Optional<Fact> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The facts ready for {@link CompiledRule#evaluate}: validated against the declarations and
   * converted (JSON integers to Long…). Accepts dotted keys ({@code "voucher.amountCents": 100}),
   * nested objects ({@code "voucher": {"amountCents": 100}}) or a mix.
   *
   * @throws InvalidInputException {@value #INVALID_CODE}, naming each offending {@code facts.…}
   */
  public static Map<String, Object> of(Map<String, ?> facts) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    collect("", facts, out, errors);
    if (!errors.isEmpty()) {
      String detail =
          errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
      throw new InvalidInputException(INVALID_CODE, detail, errors);
    }
    return Collections.unmodifiableMap(out);
  }

  private static void collect(
      String prefix, Map<?, ?> facts, Map<String, Object> out, List<FieldError> errors) {
    for (Map.Entry<?, ?> e : facts.entrySet()) {
      String name = prefix + e.getKey();
      Fact fact = BY_NAME.get(name);
      if (fact != null) {
        try {
          out.put(name, fact.type().coerce(e.getValue()));
        } catch (IllegalArgumentException wrong) {
          errors.add(new FieldError("facts." + name, wrong.getMessage()));
        }
      } else if (e.getValue() instanceof Map<?, ?> nested && isNamespace(name)) {
        collect(name + ".", nested, out, errors);
      } else {
        errors.add(new FieldError("facts." + name, "is not a declared fact"));
      }
    }
  }

  private static boolean isNamespace(String name) {
    return DECLARED.stream().anyMatch(f -> f.name().startsWith(name + "."));
  }
}
