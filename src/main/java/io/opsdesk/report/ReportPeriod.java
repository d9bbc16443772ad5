package io.opsdesk.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The time a report covers, {@code from} inclusive to {@code to} exclusive. Weeks start on Monday and months on
 * the first, at midnight in the team's zone.
 */
public record ReportPeriod(Kind kind, Instant from, Instant to, ZoneId zone) {

    /** The longest period a report may cover. */
    static final Duration MAX_LENGTH = Duration.ofDays(366);

    public enum Kind {
        /** The last complete week, Monday to Monday: the weekly report. */
        PREVIOUS_WEEK,
        /** The last complete calendar month: the monthly report. */
        PREVIOUS_MONTH,
        /** The seven days up to now: the usual on-demand report. */
        LAST_7_DAYS,
        /** Given days, both inclusive. */
        CUSTOM
    }

    public ReportPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a report period must end after it starts: " + from + " – " + to);
        }
        if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("a report covers at most 366 days");
        }
    }

    /** The period of {@code kind} as of {@code now}; CUSTOM needs {@link #days}. */
    public static ReportPeriod of(Kind kind, Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        return switch (kind) {
            case PREVIOUS_WEEK -> {
                LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportPeriod(kind, start(monday.minusWeeks(1), zone), start(monday, zone), zone);
            }
            case PREVIOUS_MONTH -> {
                LocalDate first = local.toLocalDate().withDayOfMonth(1);
                yield new ReportPeriod(kind, start(first.minusMonths(1), zone), start(first, zone), zone);
            }
            case LAST_7_DAYS -> new ReportPeriod(kind, now.minus(Duration.ofDays(7)), now, zone);
            case CUSTOM -> throw new IllegalArgumentException("a custom period needs its first and last day");
        };
    }

    /** The days {@code first} to {@code last}, both inclusive. */
    public static ReportPeriod days(LocalDate first, LocalDate last, ZoneId zone) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the last day " + last + " is before the first " + first);
        }
        return new ReportPeriod(Kind.CUSTOM, start(first, zone), start(last.plusDays(1), zone), zone);
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
