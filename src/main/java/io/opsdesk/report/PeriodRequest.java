package io.opsdesk.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;

import io.opsdesk.report.OperationsReportProcess.Variables;

/**
 * The period a start of the report process asks for (variables {@code reportPeriod}, {@code periodFirstDay},
 * {@code periodLastDay}), the same rules for Tasklist, the API and the schedules.
 */
final class PeriodRequest {

    private PeriodRequest() {
    }

    static ReportPeriod parse(Object kindValue, Object firstDay, Object lastDay, Instant now, ZoneId zone) {
        ReportPeriod.Kind kind;
        try {
            kind = kindValue == null || kindValue.toString().isBlank() ? ReportPeriod.Kind.LAST_7_DAYS
                    : ReportPeriod.Kind.valueOf(kindValue.toString().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidPeriodException(Variables.PERIOD, "'" + kindValue + "' is not a period; use one of "
                    + Arrays.toString(ReportPeriod.Kind.values()));
        }
        if (kind != ReportPeriod.Kind.CUSTOM) {
            if (firstDay != null || lastDay != null) {
                throw new InvalidPeriodException(firstDay != null ? Variables.FIRST_DAY : Variables.LAST_DAY,
                        "days are given only with the period CUSTOM");
            }
            return ReportPeriod.of(kind, now, zone);
        }
        LocalDate first = day(Variables.FIRST_DAY, firstDay, zone);
        LocalDate last = day(Variables.LAST_DAY, lastDay, zone);
        if (last.isBefore(first)) {
            throw new InvalidPeriodException(Variables.LAST_DAY, "the last day " + last + " is before the first day " + first);
        }
        if (last.isAfter(first.plusDays(365))) {
            throw new InvalidPeriodException(Variables.LAST_DAY, "a report covers at most 366 days");
        }
        return ReportPeriod.days(first, last, zone);
    }

    private static LocalDate day(String name, Object value, ZoneId zone) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        if (value instanceof LocalDate day) {
            return day;
        }
        if (value == null || value.toString().isBlank()) {
            throw new InvalidPeriodException(name, "the period CUSTOM needs its first and its last day");
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidPeriodException(name, "'" + value + "' is not a day like 2026-11-16");
        }
    }
}
