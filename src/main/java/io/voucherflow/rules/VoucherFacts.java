package io.voucherflow.rules;

import io.voucherflow.capture.Voucher;
import io.voucherflow.capture.VoucherField;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts a stored voucher gives rules, keyed by dotted fact name ({@link RuleFacts}).
 *
 * <p>A fact that is not known is left out rather than guessed (an amount not yet keyed is not 0): a
 * rule reading it then fails and its kind's fail-safe value applies.
 */
public final class VoucherFacts {

  /** Vouchers captured without a currency are RMB: the words say 人民币. */
  static final String DEFAULT_CURRENCY = "CNY";

  private static final String AMOUNT_FIELD = "amount_figures";

  private VoucherFacts() {}

  /**
   * @param branch the code of the capturing branch
   * @param now the current time at the operations centre
   * @param calendar the payment systems' cut-offs
   */
  public static Map<String, Object> of(
      Voucher v,
      List<VoucherField> fields,
      String branch,
      ZonedDateTime now,
      CutoffCalendar calendar) {
    LocalTime cutoff = calendar.cutoffOf(v.businessType);
    Map<String, Object> facts = new LinkedHashMap<>();
    put(facts, "voucher.businessType", v.businessType);
    put(facts, "voucher.templateCode", v.templateCode);
    put(facts, "voucher.branch", branch);
    put(facts, "voucher.teller", v.teller);
    put(facts, "voucher.currency", v.currency != null ? v.currency.trim() : DEFAULT_CURRENCY);
    put(facts, "voucher.amountCents", amountCents(v, fields));
    Map<String, String> keyed = new LinkedHashMap<>();
    Map<String, String> ocr = new LinkedHashMap<>();
    Map<String, Double> confidence = new LinkedHashMap<>();
    for (VoucherField f : fields) {
      put(keyed, f.name, f.finalValue);
      put(ocr, f.name, f.ocrValue);
      put(confidence, f.name, f.ocrConfidence);
    }
    facts.put("fields", keyed);
    facts.put("ocr.values", ocr);
    facts.put("ocr.confidence", confidence);
    facts.put("now.minuteOfDay", (long) now.getHour() * 60 + now.getMinute());
    facts.put("now.date", now.toLocalDate().toString());
    facts.put("now.dayOfWeek", (long) now.getDayOfWeek().getValue());
    facts.put("cutoff.minuteOfDay", (long) cutoff.getHour() * 60 + cutoff.getMinute());
    // The window the voucher was captured in, not the one a task is queued in: the deadline never
    // moves however long the case takes, so an older case's tasks keep their earlier deadline.
    Instant captured = v.acceptedAt != null ? v.acceptedAt : now.toInstant();
    facts.put(
        "cutoff.deadline", CutoffCalendar.epochMinute(calendar.deadline(v.businessType, captured)));
    return facts;
  }

  /** The keyed amount in figures when it is a legal one, else the amount declared at capture. */
  private static Long amountCents(Voucher v, List<VoucherField> fields) {
    for (VoucherField f : fields) {
      if (AMOUNT_FIELD.equals(f.name) && f.finalValue != null) {
        try {
          return AmountFigures.parseFen(f.finalValue.trim());
        } catch (IllegalNotationException e) {
          break;
        }
      }
    }
    return v.declaredAmount == null ? null : v.declaredAmount.movePointRight(2).longValueExact();
  }

  private static <V> void put(Map<String, V> map, String key, V value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
