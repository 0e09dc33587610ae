package io.voucherflow.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.voucherflow.template.Anchor;
import io.voucherflow.template.EntryMode;
import io.voucherflow.template.FieldKind;
import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.Region;
import io.voucherflow.template.TemplateDefinition;
import org.junit.jupiter.api.Test;

class ShippedTemplatesTest {

  @Test
  void shouldLoadTheThreeShippedVouchers() {
    assertThat(ShippedTemplates.all())
        .extracting(TemplateDefinition::code)
        .containsExactly("TRANSFER_CHEQUE", "CREDIT_SLIP", "REMITTANCE");
    assertThat(ShippedTemplates.all()).allSatisfy(t -> assertThat(t.version()).isEqualTo(1));
    assertThat(ShippedTemplates.byCode("TRANSFER_CHEQUE").name()).isEqualTo("转账支票");
    assertThatThrownBy(() -> ShippedTemplates.byCode("NOPE"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldKeepEveryRegionInsideThePage() {
    for (TemplateDefinition t : ShippedTemplates.all()) {
      Region page = new Region(0, 0, t.page().widthMm(), t.page().heightMm());
      assertThat(page.contains(t.qr().region())).as(t.code() + " qr").isTrue();
      for (Anchor a : t.anchors()) {
        assertThat(page.contains(a.region())).as(t.code() + " " + a.name()).isTrue();
      }
      for (FieldSpec f : t.fields()) {
        assertThat(page.contains(f.region())).as(t.code() + " " + f.name()).isTrue();
      }
    }
  }

  @Test
  void shouldDescribeTheFieldsAVoucherNeeds() {
    for (TemplateDefinition t : ShippedTemplates.all()) {
      assertThat(t.anchors()).hasSizeBetween(3, 4);
      assertThat(t.field("amount_words").kind()).isEqualTo(FieldKind.AMOUNT_WORDS);
      // The ¥ before the first digit is read as itself, not mistaken for a digit.
      assertThat(t.field("amount_figures").ocr().whitelist()).isEqualTo("0123456789¥");
      assertThat(t.field("payer_account").ocr().language()).isEqualTo("eng");
      assertThat(t.field("payer_bank").ocr().language()).isEqualTo("chi_sim");
      assertThat(t.field("seal").entryMode()).isEqualTo(EntryMode.NONE);
      assertThat(t.fields()).allSatisfy(f -> assertThat(f.entryMode()).isNotNull());
    }
    assertThat(ShippedTemplates.byCode("TRANSFER_CHEQUE").field("date_words").kind())
        .isEqualTo(FieldKind.DATE_WORDS);
    assertThat(ShippedTemplates.byCode("REMITTANCE").field("payment_password").kind())
        .isEqualTo(FieldKind.PAYMENT_PASSWORD);
  }

  @Test
  void shouldSurviveAJsonRoundTripWithLowerCaseEnums() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (TemplateDefinition t : ShippedTemplates.all()) {
      String written = json.writeValueAsString(t);
      assertThat(written).contains("\"kind\":\"amount_figures\"", "\"entryMode\":\"slice\"");
      assertThat(json.readValue(written, TemplateDefinition.class)).isEqualTo(t);
    }
  }
}
