package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherflow.rules.ShippedRules.ShippedRule;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShippedRulesTest {

  private static final RuleCompiler COMPILER = new RuleCompiler();
  // 2026-10-20 17:00 at the centre, in minutes since 1970.
  private static final long TODAY_CUTOFF = 20_746L * 1440 + 1020;

  private static CompiledRule rule(String code) {
    ShippedRule shipped =
        ShippedRules.all().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    return COMPILER.compile(shipped.expression(), shipped.kind());
  }

  private static Map<String, Object> voucher(String businessType, long amountCents) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("voucher.businessType", businessType);
    facts.put("voucher.amountCents", amountCents);
    facts.put("now.date", "2026-10-20");
    facts.put("now.minuteOfDay", 9L * 60);
    facts.put("cutoff.minuteOfDay", 17L * 60);
    facts.put("cutoff.deadline", TODAY_CUTOFF);
    return facts;
  }

  @Test
  void shouldShipEveryRuleWithAReadableDescriptionThatCompiles() {
    assertThat(ShippedRules.all()).hasSize(ShippedRules.CODES.size());
    for (ShippedRule r : ShippedRules.all()) {
      assertThat(r.name()).isNotBlank();
      assertThat(r.description()).hasSizeGreaterThan(80);
      assertThat(COMPILER.check(r.expression(), r.kind())).as(r.code()).isEmpty();
    }
  }

  @Test
  void shouldCallTheCustomerOnLargeAmountsByBusinessType() {
    CompiledRule phone = rule("phone-verification.large-amount");

    assertThat(phone.evaluate(voucher("TRANSFER", 50_000_000))).isEqualTo(true);
    assertThat(phone.evaluate(voucher("TRANSFER", 49_999_999))).isEqualTo(false);
    assertThat(phone.evaluate(voucher("REMITTANCE", 20_000_000))).isEqualTo(true);
    assertThat(phone.evaluate(voucher("WIRE_TRANSFER", 19_999_999))).isEqualTo(false);
    assertThat(phone.evaluate(voucher("DEPOSIT", 90_000_000))).isEqualTo(false);
    assertThat(phone.evaluate(voucher("CHEQUE_COLLECTION", 100_000_000))).isEqualTo(true);
  }

  @Test
  void shouldDemandAuthorisationsFromTheirThresholds() {
    CompiledRule branch = rule("authorisation.branch-supplementary");
    CompiledRule centre = rule("authorisation.centre-large-amount");
    Map<String, Object> authorised = voucher("TRANSFER", 5_000_000);
    authorised.put("voucher.branchAuthorised", true);
    Map<String, Object> notAuthorised = voucher("TRANSFER", 5_000_000);
    notAuthorised.put("voucher.branchAuthorised", false);
    Map<String, Object> small = voucher("TRANSFER", 4_999_999);
    small.put("voucher.branchAuthorised", false);

    assertThat(branch.evaluate(notAuthorised)).isEqualTo(true);
    assertThat(branch.evaluate(authorised)).isEqualTo(false);
    assertThat(branch.evaluate(small)).isEqualTo(false);
    assertThat(centre.evaluate(voucher("TRANSFER", 100_000_000))).isEqualTo(true);
    assertThat(centre.evaluate(voucher("TRANSFER", 99_999_999))).isEqualTo(false);
  }

  @Test
  void shouldChooseTheSealCheckModeByAmount() {
    CompiledRule seal = rule("seal-check.mode-by-amount");

    assertThat(seal.evaluate(voucher("TRANSFER", 4_999_999))).isEqualTo("auto");
    assertThat(seal.evaluate(voucher("TRANSFER", 5_000_000))).isEqualTo("manual");
    assertThat(seal.evaluate(voucher("TRANSFER", 100_000_000))).isEqualTo("manual");
    assertThat(seal.evaluate(voucher("TRANSFER", 100_000_001))).isEqualTo("both");
  }

  @Test
  void shouldPassEveryLegalSpellingOfTheAmountAndFailAnotherAmount() {
    CompiledRule check = rule("data-check.amount-words-match-figures");

    assertThat(check.evaluate(fields("壹仟陆佰捌拾元零叁角贰分", "1680.32"))).isEqualTo(true);
    assertThat(check.evaluate(fields("人民币壹仟陆佰捌拾元叁角贰分", "1680.32"))).isEqualTo(true);
    assertThat(check.evaluate(fields("壹拾元整", "10"))).isEqualTo(true);
    assertThat(check.evaluate(fields("壹仟陆佰捌拾元叁角", "1680.32"))).isEqualTo(false);
    assertThatThrownBy(() -> check.evaluate(fields("壹仟两佰元整", "1200.00")))
        .isInstanceOf(RuleEvaluationException.class);
  }

  @Test
  void shouldServeEarlierDeadlinesFirstWithoutEverRescoring() {
    CompiledRule priority = rule("priority.default");
    Map<String, Object> today = voucher("TRANSFER", 100_00);
    Map<String, Object> laterInTheDay = new HashMap<>(today);
    laterInTheDay.put("now.minuteOfDay", 16L * 60 + 59);
    Map<String, Object> tomorrow = new HashMap<>(today);
    tomorrow.put("cutoff.deadline", TODAY_CUTOFF + 1440);
    Map<String, Object> large = voucher("TRANSFER", 100_000_000);
    Map<String, Object> wire = voucher("WIRE_TRANSFER", 100_00);

    long score = (long) priority.evaluate(today);
    assertThat(score).isEqualTo(-TODAY_CUTOFF).isEqualTo(-29_875_260L);
    assertThat(priority.evaluate(laterInTheDay)).as("the clock changes nothing").isEqualTo(score);
    assertThat((long) priority.evaluate(tomorrow)).isEqualTo(score - 1440);
    assertThat((long) priority.evaluate(large)).isEqualTo(score + 120);
    assertThat((long) priority.evaluate(wire)).isEqualTo(score + 30);
    assertThat((long) priority.evaluate(large))
        .as("no bonus lets today's work overtake yesterday's")
        .isLessThan(score + 1440);
  }

  private static Map<String, Object> fields(String words, String figures) {
    return RuleFacts.of(Map.of("fields", Map.of("amount_words", words, "amount_figures", figures)));
  }
}
