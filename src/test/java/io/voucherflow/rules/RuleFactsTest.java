package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherflow.common.error.FieldError;
import io.voucherflow.common.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleFactsTest {

  @Test
  void shouldDeclareEveryFactWithATypeAndADescription() {
    assertThat(RuleFacts.declared())
        .extracting(RuleFacts.Fact::name)
        .contains("voucher.amountCents", "fields", "now.minuteOfDay", "customer.flags")
        .doesNotHaveDuplicates();
    assertThat(RuleFacts.declared()).allSatisfy(f -> assertThat(f.description()).isNotBlank());
    assertThat(RuleFacts.find("voucher.amountCents").orElseThrow().type().celName())
        .isEqualTo("int");
    assertThat(RuleFacts.find("voucher")).isEmpty();
  }

  @Test
  void shouldFlattenNestedAndDottedFactsAndConvertJsonNumbers() {
    Map<String, Object> facts =
        RuleFacts.of(
            Map.of(
                "voucher", Map.of("amountCents", 140950, "branchAuthorised", true),
                "voucher.branch", "0101",
                "ocr", Map.of("confidence", Map.of("amount_words", 1)),
                "customer.flags", List.of("vip"),
                "cutoff", Map.of("minuteOfDay", new BigDecimal("1020"))));

    assertThat(facts)
        .containsEntry("voucher.amountCents", 140950L)
        .containsEntry("voucher.branchAuthorised", true)
        .containsEntry("voucher.branch", "0101")
        .containsEntry("ocr.confidence", Map.of("amount_words", 1.0))
        .containsEntry("customer.flags", List.of("vip"))
        .containsEntry("cutoff.minuteOfDay", 1020L)
        .hasSize(6);
  }

  @Test
  void shouldRefuseUndeclaredAndMistypedFactsNamingEach() {
    assertThatThrownBy(
            () ->
                RuleFacts.of(
                    Map.of(
                        "voucher",
                        Map.of("amountCents", 1409.5, "colour", "red"),
                        "fields",
                        Map.of("a", 1),
                        "weather",
                        "rain")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("rules.facts.invalid");
              assertThat(e.fieldErrors())
                  .extracting(FieldError::field)
                  .containsExactlyInAnyOrder(
                      "facts.voucher.amountCents",
                      "facts.voucher.colour",
                      "facts.fields",
                      "facts.weather");
              assertThat(e.fieldErrors())
                  .filteredOn(f -> f.field().equals("facts.voucher.amountCents"))
                  .singleElement()
                  .extracting(FieldError::message)
                  .isEqualTo("must be a whole number (int)");
            });
  }

  @Test
  void shouldRefuseNullValuesAndWrongListElements() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("voucher.teller", null);
    facts.put("customer.flags", List.of(1, 2));
    assertThatThrownBy(() -> RuleFacts.of(facts))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsExactlyInAnyOrder(
                        new FieldError("facts.voucher.teller", "has no value"),
                        new FieldError("facts.customer.flags", "must be of type list<string>")));
  }
}
