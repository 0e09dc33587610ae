package io.voucherflow.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * The payment systems' cut-off calendar (e.g. the large-value system's daily close): a cut-off time
 * per business type, the days the systems are open, closed holidays and open make-up days (调休).
 * Answers the deadline of a voucher: the first cut-off at or after its capture on an open day.
 */
public final class CutoffCalendar {

  /** Farther than any real run of closed days; a calendar closed for longer is misconfigured. */
  private static final int MAX_CLOSED_DAYS = 60;

  private final ZoneId zone;
  private final LocalTime defaultCutoff;
  private final Map<String, LocalTime> cutoffByType;
  private final Set<DayOfWeek> openDays;
  private final Set<LocalDate> closedDates;
  private final Set<LocalDate> openDates;

  public CutoffCalendar(
      ZoneId zone,
      LocalTime defaultCutoff,
      Map<String, LocalTime> cutoffByType,
      Set<DayOfWeek> openDays,
      Set<LocalDate> closedDates,
      Set<LocalDate> openDates) {
    this.zone = zone;
    this.defaultCutoff = defaultCutoff;
    this.cutoffByType = Map.copyOf(cutoffByType);
    this.openDays = Set.copyOf(openDays);
    this.closedDates = Set.copyOf(closedDates);
    this.openDates = Set.copyOf(openDates);
  }

  /** The cut-off time of a business type (the default one when it has none of its own). */
  public LocalTime cutoffOf(String businessType) {
    return businessType == null
        ? defaultCutoff
        : cutoffByType.getOrDefault(businessType, defaultCutoff);
  }

  /** Whether the payment systems are open on this date. */
  public boolean open(LocalDate date) {
    return openDates.contains(date)
        || (openDays.contains(date.getDayOfWeek()) && !closedDates.contains(date));
  }

  /**
   * The deadline of a voucher of this business type captured at {@code capturedAt}: today's cut-off
   * when today is open and it has not passed, else the next open day's.
   */
  public LocalDateTime deadline(String businessType, Instant capturedAt) {
    LocalTime cutoff = cutoffOf(businessType);
    ZonedDateTime at = capturedAt.atZone(zone);
    LocalDate day = at.toLocalDate();
    if (open(day) && !at.toLocalTime().isAfter(cutoff)) {
      return day.atTime(cutoff);
    }
    for (int i = 1; i <= MAX_CLOSED_DAYS; i++) {
      LocalDate next = day.plusDays(i);
      if (open(next)) {
        return next.atTime(cutoff);
      }
    }
    throw new IllegalStateException(
        "The cut-off calendar has no open day within " + MAX_CLOSED_DAYS + " days of " + day);
  }

  /**
   * A centre-local date and time in minutes since 1970-01-01 00:00 (the unit of the {@code
   * cutoff.deadline} fact and of task priority scores).
   */
  public static long epochMinute(LocalDateTime at) {
    return at.toLocalDate().toEpochDay() * 1440 + at.getHour() * 60L + at.getMinute();
  }
}
