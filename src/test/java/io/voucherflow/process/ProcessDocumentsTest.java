package io.voucherflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherflow.common.error.FieldError;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.process.ProcessDocuments.Format;
import org.junit.jupiter.api.Test;

class ProcessDocumentsTest {

  @Test
  void shouldReadOutcomesAndQuotedBooleansFromYaml() {
    ProcessDefinition d =
        ProcessDocuments.parse(
            """
            code: X
            transitions:
              - { from: a, to: b, on: approve }
              - { from: a, to: c, on: "true", order: 2 }
            """,
            Format.YAML);

    assertThat(d.transitions())
        .extracting(ProcessTransition::on)
        .containsExactly("approve", "true");
    assertThat(d.transitions().get(1).rank()).isEqualTo(2);
  }

  @Test
  void shouldRefuseAnUnknownAttributeByItsPath() {
    assertThatThrownBy(
            () ->
                ProcessDocuments.parse(
                    "{\"code\":\"X\",\"nodes\":[{\"id\":\"a\"},{\"id\":\"b\",\"timelimit\":\"PT5M\"}]}",
                    Format.JSON))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("process.malformed");
              assertThat(e.fieldErrors())
                  .extracting(FieldError::field)
                  .containsExactly("nodes[1].timelimit");
            });
  }

  @Test
  void shouldSayWhereTextCannotBeRead() {
    assertThatThrownBy(() -> ProcessDocuments.parse("name: x\ncode: \"unterminated\n", Format.YAML))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors().getFirst().message())
                    .startsWith("cannot be read at line"));
    assertThatThrownBy(() -> ProcessDocuments.parse("  ", Format.JSON))
        .hasMessageContaining("empty");
  }
}
