package io.voucherflow.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChineseDateWriterTest {

  @Test
  void shouldPutZeroBeforeJanuaryAndBeforeWholeTens() {
    assertThat(ChineseDateWriter.words(LocalDate.of(2026, 1, 15))).isEqualTo("贰零贰陆年零壹月壹拾伍日");
    assertThat(ChineseDateWriter.words(LocalDate.of(2026, 10, 20))).isEqualTo("贰零贰陆年零壹拾月零贰拾日");
  }

  @Test
  void shouldPutZeroBeforeFebruaryAndSingleDigitDaysOnly() {
    assertThat(ChineseDateWriter.words(LocalDate.of(2025, 2, 3))).isEqualTo("贰零贰伍年零贰月零叁日");
    assertThat(ChineseDateWriter.words(LocalDate.of(2025, 3, 30))).isEqualTo("贰零贰伍年叁月零叁拾日");
    assertThat(ChineseDateWriter.words(LocalDate.of(2025, 11, 11))).isEqualTo("贰零贰伍年壹拾壹月壹拾壹日");
    assertThat(ChineseDateWriter.words(LocalDate.of(2025, 12, 31))).isEqualTo("贰零贰伍年壹拾贰月叁拾壹日");
    assertThat(ChineseDateWriter.words(LocalDate.of(2025, 9, 10))).isEqualTo("贰零贰伍年玖月零壹拾日");
  }

  @Test
  void shouldWriteFiguresWithoutLeadingZeros() {
    assertThat(ChineseDateWriter.figures(LocalDate.of(2026, 1, 5))).isEqualTo("2026年1月5日");
  }
}
