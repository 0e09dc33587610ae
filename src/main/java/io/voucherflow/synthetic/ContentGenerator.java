package io.voucherflow.synthetic;

import io.voucherflow.template.FieldKind;
import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.TemplateDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Makes up consistent content for any template: one amount for words and figures, one date, the
 * payer (出票人) behind the accounts and the seal. Fields are recognised by kind, then by name ({@code
 * payer_name}, {@code *_bank}, {@code *_name}, {@code purpose}, {@code bill_type}).
 */
public final class ContentGenerator {

  private static final List<String> PURPOSES =
      List.of(
          "货款", "服务费", "工程款", "材料款", "劳务费", "房租", "咨询费", "运输费", "办公用品", "往来款", "设备款", "广告费",
          "技术服务费", "培训费", "维修费", "预付货款", "质保金", "差旅费报销");
  private static final List<String> BILL_TYPES = List.of("转账支票", "银行汇票", "银行本票", "商业承兑汇票");
  private static final LocalDate FIRST_DATE = LocalDate.of(2025, 1, 1);

  private ContentGenerator() {}

  /** Content for {@code t}; {@code withQr} false leaves the QR payload out. */
  public static VoucherContent generate(
      TemplateDefinition t, RandomGenerator random, boolean withQr, PenStyle style) {
    String serial = String.format("%012d", random.nextLong(1_000_000_000_000L));
    BigDecimal amount = randomAmount(random);
    LocalDate date = FIRST_DATE.plusDays(random.nextInt(730));
    String drawer = ChineseNames.company(random);
    Map<String, FieldValue> values = new LinkedHashMap<>();
    for (FieldSpec f : t.fields()) {
      if (f.kind() != FieldKind.SEAL) {
        values.put(f.name(), value(f, amount, date, drawer, random));
      }
    }
    FormLayout.Seal seal = FormLayout.forTemplate(t).seal();
    for (FieldSpec f : t.fields()) {
      if (f.kind() == FieldKind.SEAL) {
        values.put(f.name(), seal(seal, values, drawer, date, random));
      }
    }
    Map<String, FieldValue> ordered = new LinkedHashMap<>();
    t.fields().forEach(f -> ordered.put(f.name(), values.get(f.name())));
    return new VoucherContent(serial, withQr ? t.qrPayload(serial) : null, style, ordered);
  }

  /**
   * An amount from ¥0.01 to the grid's maximum, mostly hundreds to tens of thousands, often round
   * and often with inner zeros, so every 零 rule gets exercised.
   */
  public static BigDecimal randomAmount(RandomGenerator random) {
    int bucket = random.nextInt(100);
    long yuan =
        bucket < 8
            ? random.nextLong(100)
            : bucket < 70
                ? 100 + random.nextLong(99_900)
                : bucket < 95
                    ? 100_000 + random.nextLong(9_900_000)
                    : 10_000_000 + random.nextLong(989_999_999);
    if (random.nextInt(3) == 0) {
      yuan = withInnerZeros(yuan, random);
    }
    int shape = random.nextInt(100);
    long fen = shape < 40 ? 0 : shape < 60 ? 10 * (1 + random.nextInt(9)) : random.nextInt(100);
    if (yuan == 0 && fen == 0) {
      fen = 1 + random.nextInt(99);
    }
    return BigDecimal.valueOf(yuan * 100 + fen, 2);
  }

  private static long withInnerZeros(long yuan, RandomGenerator random) {
    char[] digits = Long.toString(yuan).toCharArray();
    for (int i = 1; i < digits.length; i++) {
      if (random.nextInt(5) < 2) {
        digits[i] = '0';
      }
    }
    return Long.parseLong(new String(digits));
  }

  private static FieldValue value(
      FieldSpec f, BigDecimal amount, LocalDate date, String drawer, RandomGenerator random) {
    String name = f.name().toLowerCase(Locale.ROOT);
    return switch (f.kind()) {
      case ACCOUNT -> FieldValue.of(AccountNumbers.random(random, 16 + random.nextInt(4)));
      case AMOUNT_FIGURES -> new FieldValue(amount.toPlainString(), figures(amount));
      case AMOUNT_WORDS ->
          new FieldValue(amount.toPlainString(), ChineseAmountWriter.write(amount, random));
      case DATE -> new FieldValue(date.toString(), ChineseDateWriter.figures(date));
      case DATE_WORDS -> new FieldValue(date.toString(), ChineseDateWriter.words(date));
      case PAYMENT_PASSWORD -> FieldValue.of(digits(random, 16));
      case NUMBER ->
          FieldValue.of(
              name.contains("count") ? String.valueOf(1 + random.nextInt(3)) : digits(random, 6));
      case SIGNATURE -> FieldValue.of(ChineseNames.person(random));
      default -> FieldValue.of(text(name, drawer, random));
    };
  }

  private static String text(String name, String drawer, RandomGenerator random) {
    if (name.equals("payer_name") || name.equals("drawer_name")) {
      return drawer;
    }
    if (name.contains("bank")) {
      return BankNames.branch(random);
    }
    if (name.contains("name")) {
      return random.nextInt(4) == 0 ? ChineseNames.person(random) : ChineseNames.company(random);
    }
    if (name.contains("bill_type")) {
      return ChineseNames.pick(random, BILL_TYPES);
    }
    return ChineseNames.pick(random, PURPOSES);
  }

  /**
   * The seal's owner as value; as text the words on the stamps: {@code <company> 财务专用章 <personal
   * seal>}, or {@code <bank> <yyyy.mm.dd> 转讫} for a bank's stamp.
   */
  private static FieldValue seal(
      FormLayout.Seal seal,
      Map<String, FieldValue> values,
      String drawer,
      LocalDate date,
      RandomGenerator random) {
    FieldValue ownerField = seal.owner() == null ? null : values.get(seal.owner());
    String owner = ownerField == null ? drawer : ownerField.value();
    if ("bank".equals(seal.style())) {
      String day = date.toString().replace('-', '.');
      return new FieldValue(owner, owner + " " + day + " 转讫");
    }
    String person = ChineseNames.person(random);
    String personal = person.length() >= 3 ? person + "印" : person + "之印";
    return new FieldValue(owner, owner + " 财务专用章 " + personal);
  }

  /**
   * The amount as written in the digit boxes, ¥ in the box before the first digit when there is
   * one: 1409.50 → ¥140950, 0.05 → ¥005.
   */
  private static String figures(BigDecimal amount) {
    String digits = amount.movePointRight(2).toBigInteger().toString();
    digits = digits.length() < 3 ? "0".repeat(3 - digits.length()) + digits : digits;
    return digits.length() < FormGeometry.GRID_CELLS ? "¥" + digits : digits;
  }

  private static String digits(RandomGenerator random, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(random.nextInt(10));
    }
    return sb.toString();
  }
}
