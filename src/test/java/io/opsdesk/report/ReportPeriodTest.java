package io.opsdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;

import io.opsdesk.report.ReportPeriod.Kind;

class ReportPeriodTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void previousWeekRunsFromMondayMidnightToMondayMidnightInTheTeamsZone() {
        // Monday 2026-11-23 08:00 in Shanghai is still Monday 00:00 UTC
        ReportPeriod week = ReportPeriod.of(Kind.PREVIOUS_WEEK, Instant.parse("2026-11-23T00:00:00Z"), SHANGHAI);
        assertThat(week.from()).isEqualTo(Instant.parse("2026-11-15T16:00:00Z"));
        assertThat(week.to()).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        // on a Sunday evening the previous week is the one before this
        ReportPeriod sunday = ReportPeriod.of(Kind.PREVIOUS_WEEK, Instant.parse("2026-11-22T15:59:59Z"), SHANGHAI);
        assertThat(sunday.to()).isEqualTo(Instant.parse("2026-11-15T16:00:00Z"));
    }

    @Test
    void aWeekAcrossTheSwitchToSummerTimeHas167Hours() {
        ReportPeriod week = ReportPeriod.of(Kind.PREVIOUS_WEEK, Instant.parse("2026-03-30T06:00:00Z"), BERLIN);
        assertThat(week.from()).isEqualTo(Instant.parse("2026-03-22T23:00:00Z"));
        assertThat(week.to()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void previousMonthIsTheLastCalendarMonth() {
        ReportPeriod january = ReportPeriod.of(Kind.PREVIOUS_MONTH, Instant.parse("2026-02-01T00:00:00Z"), SHANGHAI);
        assertThat(january.from()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(january.to()).isEqualTo(Instant.parse("2026-01-31T16:00:00Z"));
    }

    @Test
    void customDaysAreBothIncluded() {
        ReportPeriod days = ReportPeriod.days(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 3), SHANGHAI);
        assertThat(days.from()).isEqualTo(Instant.parse("2024-06-02T16:00:00Z"));
        assertThat(days.to()).isEqualTo(Instant.parse("2024-06-03T16:00:00Z"));
    }

    @Test
    void requestsFromFormsAcceptDaysAsTextOrDates() {
        Instant now = Instant.parse("2026-11-25T04:00:00Z");
        assertThat(PeriodRequest.parse(null, null, null, now, SHANGHAI).kind()).isEqualTo(Kind.LAST_7_DAYS);
        ReportPeriod fromDates = PeriodRequest.parse("CUSTOM", Date.from(Instant.parse("2024-06-02T16:00:00Z")),
                "2024-06-09", now, SHANGHAI);
        assertThat(fromDates).isEqualTo(ReportPeriod.days(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 9), SHANGHAI));
        assertThatThrownBy(() -> PeriodRequest.parse("CUSTOM", "2024-06-03", " ", now, SHANGHAI))
                .isInstanceOf(InvalidPeriodException.class).hasMessageContaining("needs its first and its last day")
                .extracting(e -> ((InvalidPeriodException) e).field()).isEqualTo("periodLastDay");
    }

    @Test
    void csvQuotesSeparatorsAndDefusesFormulas() {
        assertThat(ReportCsv.quote("plain")).isEqualTo("plain");
        assertThat(ReportCsv.quote("a, b")).isEqualTo("\"a, b\"");
        assertThat(ReportCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportCsv.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportCsv.quote("-12.5")).isEqualTo("-12.5");
    }

    @Test
    void percentilesByNearestRank() {
        assertThat(Percentiles.nearestRank(new long[0], 50)).isNull();
        assertThat(Percentiles.nearestRank(new long[] {7}, 90)).isEqualTo(7L);
        long[] ten = java.util.stream.LongStream.rangeClosed(1, 10).toArray();
        assertThat(Percentiles.nearestRank(ten, 50)).isEqualTo(5L);
        assertThat(Percentiles.nearestRank(ten, 90)).isEqualTo(9L);
        assertThat(Percentiles.nearestRank(ten, 100)).isEqualTo(10L);
    }
}
