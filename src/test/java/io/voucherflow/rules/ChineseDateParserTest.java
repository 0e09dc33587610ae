package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherflow.synthetic.ChineseDateWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseDateParserTest {

  @ParameterizedTest
  @CsvSource({
    "贰零贰陆年零壹拾月零贰拾日, 2026-10-20",
    "贰零贰陆年零壹月壹拾伍日, 2026-01-15",
    "贰零贰陆年零贰月零玖日, 2026-02-09",
    "贰零贰伍年壹拾贰月叁拾壹日, 2025-12-31",
    "贰零贰肆年零贰月贰拾玖日, 2024-02-29",
    "贰零贰陆年叁月零叁拾日, 2026-03-30",
    "贰零贰陆年壹拾壹月贰拾壹日, 2026-11-21",
    "貳零貳陸年陸月零壹拾日, 2026-06-10",
    "2026年10月20日, 2026-10-20",
    "2026年1月5日, 2026-01-05",
    "2026年01月05日, 2026-01-05",
    "' 2026年1月5日 ', 2026-01-05",
  })
  void shouldReadCapitalsAndFigures(String text, String date) {
    assertThat(ChineseDateParser.parse(text)).isEqualTo(date);
  }

  @Test
  void shouldReadEveryDayTheGeneratorWritesInBothForms() {
    for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() < 2027; d = d.plusDays(1)) {
      assertThat(ChineseDateParser.parse(ChineseDateWriter.words(d))).isEqualTo(d);
      assertThat(ChineseDateParser.parse(ChineseDateWriter.figures(d))).isEqualTo(d);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "'', is empty",
    "贰零贰陆年壹拾月零贰拾日, month 10 must be written 零壹拾",
    "贰零贰陆年拾月零贰拾日, needs the month in capital numerals",
    "贰零贰陆年零叁月零贰拾日, month 3 must be written 叁",
    "贰零贰陆年零壹月零壹拾伍日, day 15 must be written 壹拾伍",
    "贰零贰陆年零壹月拾伍日, needs the day in capital numerals",
    "贰零贰陆年零壹月贰拾日, day 20 must be written 零贰拾",
    "贰零贰陆年零壹月伍日, day 5 must be written 零伍",
    "贰零贰陆年壹拾叁月零伍日, has no month 13",
    "贰零贰陆年零贰月零叁拾日, is no such date",
    "贰零贰年零贰月零叁日, needs a year of four capital digits",
    "二零二六年零贰月零叁日, needs a year of four capital digits",
    "贰零贰陆零贰月零叁日, needs 年 after the year",
    "贰零贰陆年零贰零叁日, has no 月",
    "贰零贰陆年零贰月零叁, has no 日",
    "贰零贰陆年零贰月零叁日整, has text after 日",
    "2026年2月30日, is no such date",
    "2026-02-03, needs a year of four capital digits",
    "贰零贰陆年2月3日, needs the month in capital numerals",
  })
  void shouldRefuseIllegalDates(String text, String reason) {
    assertThatThrownBy(() -> ChineseDateParser.parse(text))
        .isInstanceOf(IllegalNotationException.class)
        .hasMessageStartingWith("date: ")
        .hasMessageContaining(reason);
  }

  @Test
  void shouldReportPositionsInTheGivenTextIncludingLeadingWhitespace() {
    assertThatThrownBy(() -> ChineseDateParser.parse("  贰零贰陆年壹拾月零贰拾日"))
        .isInstanceOfSatisfying(
            IllegalNotationException.class, e -> assertThat(e.position()).isEqualTo(8));
  }
}
