package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleSchemaTest {

  @Test
  void shouldListEveryDeclaredFactAndKindForDesigners() {
    RuleSchema schema = RuleSchema.current();

    assertThat(schema.facts()).hasSize(RuleFacts.declared().size());
    assertThat(schema.facts())
        .contains(
            new RuleSchema.Fact(
                "ocr.confidence", "map<string, double>", "OCR confidence 0–1 per field name"));
    assertThat(schema.kinds())
        .contains(
            new RuleSchema.Kind(
                RuleKind.SEAL_CHECK_MODE, RuleKind.SEAL_CHECK_MODE.resultType(), "both"));
  }
}
