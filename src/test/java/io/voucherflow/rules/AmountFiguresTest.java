package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountFiguresTest {

  @ParameterizedTest
  @CsvSource({
    "1409.50, 140950",
    "1409.5, 140950",
    "1409, 140900",
    "0.07, 7",
    "0, 0",
    "999999999.99, 99999999999"
  })
  void shouldReadFiguresAsExactFen(String figures, long fen) {
    assertThat(AmountFigures.parseFen(figures)).isEqualTo(fen);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", ".", "1.", ".5", "1.505", "1,409.50", "-1", "+1", "¥10", "1e3", "1000000000"})
  void shouldRefuseAnythingElse(String figures) {
    assertThatThrownBy(() -> AmountFigures.parseFen(figures))
        .isInstanceOf(IllegalNotationException.class)
        .hasMessageStartingWith("amount in figures: ");
  }
}
