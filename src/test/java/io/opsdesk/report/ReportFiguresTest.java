package io.opsdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.OpsDeskTest;
import io.opsdesk.report.OperationsReport.Bucket;
import io.opsdesk.report.OperationsReport.DayCount;
import io.opsdesk.report.OperationsReport.Durations;
import io.opsdesk.report.OperationsReport.HotSpot;
import io.opsdesk.report.OperationsReport.Quality;
import io.opsdesk.report.OperationsReport.SlaCompliance;
import io.opsdesk.report.OperationsReport.TargetHealth;
import io.opsdesk.report.OperationsReport.TicketLine;

/**
 * Every ticket and inspection figure of a report, checked by hand against a fixture week (Mon 2024-06-03 to Sun
 * 2024-06-09, Asia/Shanghai) of eight tickets and two inspection runs with known timings ({@link ReportFixture#loadWeek});
 * the comments give the sums.
 */
@OpsDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFiguresTest {

    final JdbcClient jdbc;
    final ReportCompiler compiler;

    OperationsReport report;

    ReportFiguresTest(JdbcClient jdbc, ReportCompiler compiler) {
        this.jdbc = jdbc;
        this.compiler = compiler;
    }

    @BeforeAll
    void loadFixtureAndCompile() {
        new ReportFixture(jdbc).loadWeek();
        report = compiler.compile(ReportPeriod.days(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 9), ReportFixture.ZONE));
    }

    @Test
    void volumesCountTheTicketsOpenedAndClosedInTheWeek() {
        // opened: T1, T2, T3, T4, T6; closed: T1, T2, T4
        assertThat(report.volumes().opened()).isEqualTo(5);
        assertThat(report.volumes().closed()).isEqualTo(3);
        assertThat(report.volumes().byType()).containsExactly(Map.entry("FAULT", 2L), Map.entry("BUSINESS_QUESTION", 1L),
                Map.entry("DATA_REQUEST", 1L), Map.entry("FEATURE_REQUEST", 1L));
        assertThat(report.volumes().bySystem()).containsExactly(Map.entry("billing", 3L), Map.entry("crm", 2L));
        assertThat(report.volumes().byPriority()).containsExactly(Map.entry("P1", 1L), Map.entry("P2", 1L),
                Map.entry("P3", 1L), Map.entry("P4", 1L), Map.entry("none", 1L));
        assertThat(report.openedVsClosed()).containsExactly(
                new DayCount(LocalDate.of(2024, 6, 3), 2, 0), new DayCount(LocalDate.of(2024, 6, 4), 1, 0),
                new DayCount(LocalDate.of(2024, 6, 5), 1, 2), new DayCount(LocalDate.of(2024, 6, 6), 0, 0),
                new DayCount(LocalDate.of(2024, 6, 7), 0, 1), new DayCount(LocalDate.of(2024, 6, 8), 0, 0),
                new DayCount(LocalDate.of(2024, 6, 9), 1, 0));
    }

    @Test
    void backlogIsWhatIsOpenAtTheEndByAge() {
        // T6 1 h, T3 5 d 10 h, T5 39 d 15 h
        assertThat(report.backlog().open()).isEqualTo(3);
        assertThat(report.backlog().byAge()).containsExactly(new Bucket("< 1 day", 1), new Bucket("1–3 days", 0),
                new Bucket("3–7 days", 1), new Bucket("7–30 days", 0), new Bucket("≥ 30 days", 1));
    }

    @Test
    void responseAndResolutionTimesHaveMedianAndNinetiethPercentileByNearestRank() {
        // first responses 10 min, 30 min, 1 h, 2 h: median the 2nd, p90 the 4th
        assertThat(report.firstResponse()).isEqualTo(new Durations(4, 1800L, 7200L));
        // resolutions 3 h, 24 h, 72 h: median the 2nd, p90 the 3rd
        assertThat(report.resolution()).isEqualTo(new Durations(3, 86_400L, 259_200L));
    }

    @Test
    void slaComplianceCountsTheClocksThatStoppedInTheWeek() {
        assertThat(report.slaCompliance()).containsExactly(
                new SlaCompliance("P1", 0, 1, 1, 1),
                new SlaCompliance("P2", 1, 1, 0, 1),
                new SlaCompliance("P3", 1, 1, 0, 0),
                new SlaCompliance("P4", 1, 1, 1, 1));
        assertThat(report.slaCompliance().get(0).firstResponsePercent()).isEqualTo(0.0);
        assertThat(report.slaCompliance().get(0).resolutionPercent()).isEqualTo(100.0);
        assertThat(report.slaCompliance().get(2).resolutionPercent()).isNull();
    }

    @Test
    void reopenAndFailedVerificationRatesAndSatisfaction() {
        // 3 accepted, 1 rejected; 2 verifications passed, 3 failed (T5's in May does not count)
        assertThat(report.quality()).isEqualTo(new Quality(3, 1, 2, 3));
        assertThat(report.quality().reopenPercent()).isEqualTo(25.0);
        assertThat(report.quality().failedVerificationPercent()).isEqualTo(60.0);
        // ratings 5, 3, 4 of the tickets closed in the week (T7's 1 was in May)
        assertThat(report.satisfaction().rated()).isEqualTo(3);
        assertThat(report.satisfaction().average()).isEqualTo(4.0);
        assertThat(report.satisfaction().distribution()).containsExactly(Map.entry(1, 0L), Map.entry(2, 0L),
                Map.entry(3, 1L), Map.entry(4, 1L), Map.entry(5, 1L));
    }

    @Test
    void difficultiesListOverdueMostBouncedAndOldestOpenTickets() {
        // T5 due 05-03 18:00, T3 due 06-07 18:00; the week ends 06-10 00:00
        assertThat(report.difficulties().overdue()).extracting(TicketLine::key, TicketLine::figure).containsExactly(
                org.assertj.core.groups.Tuple.tuple("OPS-900005", 3_218_400L),
                org.assertj.core.groups.Tuple.tuple("OPS-900003", 194_400L));
        // T2: a failed verification and a rejection; T3: two failed verifications; T5: one (in May)
        assertThat(report.difficulties().mostBounced()).extracting(TicketLine::key, TicketLine::figure).containsExactly(
                org.assertj.core.groups.Tuple.tuple("OPS-900002", 2L),
                org.assertj.core.groups.Tuple.tuple("OPS-900003", 2L),
                org.assertj.core.groups.Tuple.tuple("OPS-900005", 1L));
        assertThat(report.difficulties().oldestOpen()).extracting(TicketLine::key, TicketLine::figure).containsExactly(
                org.assertj.core.groups.Tuple.tuple("OPS-900005", 3_423_600L),
                org.assertj.core.groups.Tuple.tuple("OPS-900003", 468_000L),
                org.assertj.core.groups.Tuple.tuple("OPS-900006", 3_600L));
        assertThat(report.difficulties().oldestOpen().get(2).priority()).isEqualTo("none");
    }

    @Test
    void hotSpotsSumTheFindingsOfTheWeeksRunsWithTheirTicket() {
        List<HotSpot> hotSpots = report.hotSpots();
        assertThat(hotSpots).extracting(HotSpot::fingerprint, HotSpot::target, HotSpot::occurrences, HotSpot::runs,
                HotSpot::ticketKey, HotSpot::ticketStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fp-export", "fixture-log", 5L, 2L, "OPS-900001", "CLOSED"),
                org.assertj.core.groups.Tuple.tuple("fp-timeout", "fixture-log", 1L, 1L, null, null));
        assertThat(hotSpots.get(0).lastSeen()).isEqualTo(ReportFixture.at("2024-06-04 09:01").toInstant());
    }

    @Test
    void healthPerTargetCountsTheWeeksResults() {
        assertThat(report.health()).containsExactly(
                new TargetHealth("fixture-http", "APPLICATION", 2, 1, 0, 1, 200L, "FAILED", "HTTP 503"),
                new TargetHealth("fixture-log", "LOGS", 2, 0, 2, 0, null, "WARNING", "1 finding"));
        assertThat(report.health().get(0).availabilityPercent()).isEqualTo(50.0);
        assertThat(report.health().get(1).availabilityPercent()).isEqualTo(100.0);
    }

    @Test
    void noProcessStepEndedInTheFixtureWeek() {
        assertThat(report.steps()).isEmpty();
    }

    @Test
    void releasesThatEndedInTheWeekWithTheTicketsTheyShipped() {
        OperationsReport.Releases releases = report.releases();
        // 5.1.0 delivered T3 and T4 (T5 no longer waited), 5.2.0 rolled back; 5.2.1 ended the day after the week
        assertThat(releases.delivered()).isEqualTo(1);
        assertThat(releases.rolledBack()).isEqualTo(1);
        assertThat(releases.rejected()).isZero();
        assertThat(releases.ticketsDelivered()).isEqualTo(2);
        assertThat(releases.list()).extracting(OperationsReport.ReleaseLine::version, OperationsReport.ReleaseLine::status,
                OperationsReport.ReleaseLine::tickets, OperationsReport.ReleaseLine::ticketsDelivered).containsExactly(
                org.assertj.core.groups.Tuple.tuple("5.2.0", "ROLLED_BACK", 1L, 0L),
                org.assertj.core.groups.Tuple.tuple("5.1.0", "DELIVERED", 3L, 2L));
        assertThat(releases.list().get(1).windowStart()).isEqualTo(ReportFixture.at("2024-06-04 22:00").toInstant());
        assertThat(releases.list().get(1).finishedAt()).isEqualTo(ReportFixture.at("2024-06-04 23:30").toInstant());
    }
}
