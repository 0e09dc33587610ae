package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CutoffCalendarTest {

  private static final ZoneId CENTRE = ZoneId.of("Asia/Shanghai");
  // 2026-10-01..07 is the National Day holiday; Saturday 2026-10-10 a make-up working day.
  private static final CutoffCalendar CALENDAR =
      new CutoffCalendar(
          CENTRE,
          LocalTime.of(17, 0),
          Map.of("REMITTANCE", LocalTime.of(16, 0)),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          Set.of(
              LocalDate.of(2026, 10, 1),
              LocalDate.of(2026, 10, 2),
              LocalDate.of(2026, 10, 5),
              LocalDate.of(2026, 10, 6),
              LocalDate.of(2026, 10, 7)),
          Set.of(LocalDate.of(2026, 10, 10)));

  private static LocalDateTime deadline(String type, String capturedAt) {
    return CALENDAR.deadline(type, LocalDateTime.parse(capturedAt).atZone(CENTRE).toInstant());
  }

  @Test
  void shouldGiveTodaysCutoffUntilItPasses() {
    assertThat(deadline("TRANSFER", "2026-10-20T09:00")).isEqualTo("2026-10-20T17:00");
    assertThat(deadline("TRANSFER", "2026-10-20T17:00")).isEqualTo("2026-10-20T17:00");
    assertThat(deadline("TRANSFER", "2026-10-20T17:01")).isEqualTo("2026-10-21T17:00");
  }

  @Test
  void shouldUseTheCutoffOfTheBusinessType() {
    assertThat(deadline("REMITTANCE", "2026-10-20T15:59")).isEqualTo("2026-10-20T16:00");
    assertThat(deadline("REMITTANCE", "2026-10-20T16:30")).isEqualTo("2026-10-21T16:00");
  }

  @Test
  void shouldSkipWeekendsAndHolidaysButNotMakeUpDays() {
    assertThat(deadline("TRANSFER", "2026-10-23T18:00"))
        .as("Friday evening")
        .isEqualTo("2026-10-26T17:00");
    assertThat(deadline("TRANSFER", "2026-09-30T18:00"))
        .as("before the holiday")
        .isEqualTo("2026-10-08T17:00");
    assertThat(deadline("TRANSFER", "2026-10-09T18:00"))
        .as("make-up Saturday")
        .isEqualTo("2026-10-10T17:00");
  }

  @Test
  void shouldCountDeadlinesInMinutesSince1970AtTheCentre() {
    assertThat(CutoffCalendar.epochMinute(LocalDateTime.parse("2026-10-20T17:00")))
        .isEqualTo(LocalDate.of(2026, 10, 20).toEpochDay() * 1440 + 1020)
        .isEqualTo(29_875_260L);
  }
}
