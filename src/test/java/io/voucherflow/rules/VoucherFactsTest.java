package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherflow.capture.Voucher;
import io.voucherflow.capture.VoucherField;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoucherFactsTest {

  private static final ZonedDateTime NOW =
      ZonedDateTime.of(2026, 10, 20, 15, 30, 0, 0, ZoneId.of("Asia/Shanghai"));

  private static Voucher voucher(BigDecimal declared) {
    Voucher v = new Voucher();
    v.businessType = "TRANSFER";
    v.teller = "teller1";
    v.templateCode = "TRANSFER_CHEQUE";
    v.declaredAmount = declared;
    return v;
  }

  private static VoucherField field(String name, String ocr, Double confidence, String keyed) {
    VoucherField f = new VoucherField();
    f.name = name;
    f.ocrValue = ocr;
    f.ocrConfidence = confidence;
    f.finalValue = keyed;
    return f;
  }

  private static CutoffCalendar calendar(LocalTime cutoff) {
    return new CutoffCalendar(
        NOW.getZone(),
        cutoff,
        Map.of(),
        java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
        java.util.Set.of(),
        java.util.Set.of());
  }

  @Test
  void shouldGiveEveryDeclaredFactAVoucherKnows() {
    Map<String, Object> facts =
        VoucherFacts.of(
            voucher(new BigDecimal("1680.32")),
            List.of(
                field("amount_words", "壹仟陆佰捌拾元", 0.61, "壹仟陆佰捌拾元零叁角贰分"),
                field("payee_name", null, null, null)),
            "BR01",
            NOW,
            calendar(LocalTime.of(17, 0)));

    assertThat(facts)
        .containsEntry("voucher.businessType", "TRANSFER")
        .containsEntry("voucher.templateCode", "TRANSFER_CHEQUE")
        .containsEntry("voucher.branch", "BR01")
        .containsEntry("voucher.teller", "teller1")
        .containsEntry("voucher.currency", "CNY")
        .containsEntry("voucher.amountCents", 168032L)
        .containsEntry("fields", Map.of("amount_words", "壹仟陆佰捌拾元零叁角贰分"))
        .containsEntry("ocr.values", Map.of("amount_words", "壹仟陆佰捌拾元"))
        .containsEntry("ocr.confidence", Map.of("amount_words", 0.61))
        .containsEntry("now.minuteOfDay", 930L)
        .containsEntry("now.date", "2026-10-20")
        .containsEntry("now.dayOfWeek", 2L)
        .containsEntry("cutoff.minuteOfDay", 1020L)
        .as("captured now, before today's cut-off")
        .containsEntry(
            "cutoff.deadline", java.time.LocalDate.of(2026, 10, 20).toEpochDay() * 1440 + 1020);
    assertThat(RuleFacts.of(facts)).isEqualTo(facts);
  }

  @Test
  void shouldPreferTheKeyedAmountAndLeaveAnUnknownAmountOut() {
    List<VoucherField> keyed = List.of(field("amount_figures", "99.00", 0.9, "1409.50"));
    assertThat(
            VoucherFacts.of(
                voucher(new BigDecimal("1.00")), keyed, "BR01", NOW, calendar(LocalTime.NOON)))
        .containsEntry("voucher.amountCents", 140950L);

    assertThat(VoucherFacts.of(voucher(null), List.of(), "BR01", NOW, calendar(LocalTime.NOON)))
        .doesNotContainKey("voucher.amountCents");
  }
}
