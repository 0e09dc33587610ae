package io.voucherflow.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherflow.common.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateValidatorTest {

  @Test
  void shouldAcceptAWellFormedTemplate() {
    assertThat(TemplateValidator.problems(TemplateFixtures.slip("SLIP", "Slip"))).isEmpty();
  }

  @Test
  void shouldNameAFieldWhoseRegionLeavesThePage() {
    TemplateDefinition t = TemplateFixtures.slip("SLIP", "Slip");
    List<FieldSpec> fields = new ArrayList<>(t.fields());
    FieldSpec f = fields.get(1);
    fields.set(
        1,
        new FieldSpec(
            f.name(), f.kind(), new Region(150, 40, 70, 15), f.ocr(), f.entryMode(), true));
    assertThat(TemplateValidator.problems(withFields(t, fields)))
        .extracting(FieldError::field)
        .containsExactly("fields[1].region");
  }

  @Test
  void shouldRefuseDuplicateFieldNamesAndOcrOnSeals() {
    TemplateDefinition t = TemplateFixtures.slip("SLIP", "Slip");
    List<FieldSpec> fields = new ArrayList<>(t.fields());
    fields.add(fields.get(0));
    FieldSpec seal = fields.get(2);
    fields.set(
        2,
        new FieldSpec(
            seal.name(),
            seal.kind(),
            seal.region(),
            new OcrSettings("eng", null, 7),
            EntryMode.OCR_ONLY,
            false));
    assertThat(TemplateValidator.problems(withFields(t, fields)))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("fields[3].name", "fields[2].entryMode");
  }

  @Test
  void shouldRefuseUnknownOcrLanguagesAndTooFewAnchors() {
    TemplateDefinition t = TemplateFixtures.slip("SLIP", "Slip");
    List<FieldSpec> fields = new ArrayList<>(t.fields());
    FieldSpec f = fields.get(0);
    fields.set(
        0,
        new FieldSpec(
            f.name(), f.kind(), f.region(), new OcrSettings("fra", null, 7), f.entryMode(), true));
    TemplateDefinition bad =
        new TemplateDefinition(
            t.code(),
            1,
            t.name(),
            t.businessTypes(),
            t.page(),
            t.qr(),
            t.anchors().subList(0, 2),
            fields);
    assertThat(TemplateValidator.problems(bad))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("anchors", "fields[0].ocr.language");
  }

  @Test
  void shouldRefuseAPageInTheWrongUnits() {
    TemplateDefinition t = TemplateFixtures.slip("SLIP", "Slip");
    TemplateDefinition inches =
        new TemplateDefinition(
            t.code(),
            1,
            t.name(),
            t.businessTypes(),
            new PageSize(9, 4),
            t.qr(),
            t.anchors(),
            t.fields());
    assertThat(TemplateValidator.problems(inches))
        .extracting(FieldError::field)
        .containsExactly("page");
  }

  private static TemplateDefinition withFields(TemplateDefinition t, List<FieldSpec> fields) {
    return new TemplateDefinition(
        t.code(), t.version(), t.name(), t.businessTypes(), t.page(), t.qr(), t.anchors(), fields);
  }
}
