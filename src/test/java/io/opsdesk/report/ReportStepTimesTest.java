package io.opsdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.Tasklist;
import io.opsdesk.ticket.process.SupportTicketProcess;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.report.OperationsReport.Durations;
import io.opsdesk.report.OperationsReport.StepTime;

/**
 * Time per BPMN step comes from Camunda's history: a ticket worked through the real process with the engine's
 * clock moved between the steps, in the week of Monday 2026-07-06 that no other test uses.
 */
@OpsDeskTest
class ReportStepTimesTest {

    @LocalServerPort
    int port;
    final ProcessEngine engine;
    final ReportCompiler compiler;

    ReportStepTimesTest(ProcessEngine engine, ReportCompiler compiler) {
        this.engine = engine;
        this.compiler = compiler;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void stepTimesAreTheWaitsOfTheTicketsStepsInTheWeek() {
        Http http = new Http(port);
        Tasklist alice = new Tasklist(http, "alice");
        at("2026-07-06T09:00:00");
        JsonNode created = http.postJson("/api/tickets", Map.of("type", "BUSINESS_QUESTION", "title", "Where is the export filter?",
                "description", "I cannot find the region filter.", "system", "billing", "impact", "LOW", "urgency", "LOW",
                "customer", Map.of("name", "Li Wei", "email", "li.wei@example.com", "locale", "en"))).json();
        String key = created.get("key").asText();
        Jobs.runDue(engine, key);

        at("2026-07-06T11:00:00");
        alice.complete(key, Elements.TRIAGE, Map.of(Variables.TICKET_TYPE, "BUSINESS_QUESTION", Variables.IMPACT, "LOW",
                Variables.URGENCY, "LOW", Variables.ANALYSIS, "Known question", Variables.TRIAGE_OUTCOME, "RESOLVE_IN_SUPPORT",
                Variables.HANDLING_PLAN, "We explain it today."));
        Jobs.runDue(engine, key);
        at("2026-07-06T14:00:00");
        alice.complete(key, Elements.RESOLVE_IN_SUPPORT, Map.of(Variables.RESOLUTION, "Settings > Export > Regions."));
        Jobs.runDue(engine, key);
        at("2026-07-07T14:00:00");
        Http.Response accepted = http.postJson("/api/tickets/" + key + "/acceptance", Map.of("accepted", true, "rating", 4),
                "X-Tracking-Token", created.get("trackingToken").asText());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        OperationsReport report = compiler.compile(ReportPeriod.days(LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 12),
                ReportFixture.ZONE));

        // triage 2 h, resolving 3 h, the customer's acceptance 24 h: the longest first
        assertThat(report.steps()).extracting(StepTime::process, StepTime::activityId, StepTime::count,
                StepTime::medianSeconds, StepTime::p90Seconds, StepTime::totalSeconds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SupportTicketProcess.KEY, Elements.AWAIT_ACCEPTANCE, 1L, 86_400L, 86_400L, 86_400L),
                org.assertj.core.groups.Tuple.tuple(SupportTicketProcess.KEY, Elements.RESOLVE_IN_SUPPORT, 1L, 10_800L, 10_800L, 10_800L),
                org.assertj.core.groups.Tuple.tuple(SupportTicketProcess.KEY, Elements.TRIAGE, 1L, 7_200L, 7_200L, 7_200L));
        assertThat(report.steps().get(2).activityName()).isEqualTo("分诊");
        // the same ticket in the ticket figures: answered after 2 h, delivered after 5 h, rated 4
        assertThat(report.volumes().opened()).isEqualTo(1);
        assertThat(report.firstResponse()).isEqualTo(new Durations(1, 7_200L, 7_200L));
        assertThat(report.resolution()).isEqualTo(new Durations(1, 18_000L, 18_000L));
        assertThat(report.satisfaction().average()).isEqualTo(4.0);
        assertThat(report.difficulties().oldestOpen()).extracting(OperationsReport.TicketLine::key).doesNotContain(key);
    }

    /** Week of Monday 2026-08-03 (no other test's clock is in it): three tickets declined at triage after 1 h, 2 h and 4 h 0 min 30 s. */
    @Test
    void aStepsMedianAndP90AreItsInstancesNearestRanksToTheSecond() {
        Http http = new Http(port);
        Tasklist alice = new Tasklist(http, "alice");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            at("2026-08-03T09:00:00");
            String key = http.postJson("/api/tickets", Map.of("type", "BUSINESS_QUESTION", "title", "Step ranks " + i,
                    "description", "Not for us.", "system", "billing", "impact", "LOW", "urgency", "LOW",
                    "customer", Map.of("name", "Li Wei", "email", "li.wei@example.com", "locale", "en"))).json().get("key").asText();
            Jobs.runDue(engine, key);
            keys.add(key);
        }
        List<String> triaged = List.of("2026-08-03T13:00:30", "2026-08-03T10:00:00", "2026-08-03T11:00:00");
        for (int i = 0; i < 3; i++) {
            at(triaged.get(i));
            alice.complete(keys.get(i), Elements.TRIAGE, Map.of(Variables.TICKET_TYPE, "BUSINESS_QUESTION", Variables.IMPACT, "LOW",
                    Variables.URGENCY, "LOW", Variables.ANALYSIS, "Not ours", Variables.TRIAGE_OUTCOME, "DECLINE",
                    Variables.DECLINE_REASON, "Ask your own IT."));
            Jobs.runDue(engine, keys.get(i));
        }

        OperationsReport report = compiler.compile(ReportPeriod.days(LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 9),
                ReportFixture.ZONE));

        // 3600, 7200, 14430 s: the median is the 2nd (rank ⌈1.5⌉), the p90 the 3rd (rank ⌈2.7⌉); total 25230 s
        assertThat(report.steps()).extracting(StepTime::process, StepTime::activityId, StepTime::count,
                StepTime::medianSeconds, StepTime::p90Seconds, StepTime::totalSeconds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SupportTicketProcess.KEY, Elements.TRIAGE, 3L, 7_200L, 14_430L, 25_230L));
        assertThat(report.volumes().closed()).isEqualTo(3);
    }

    private static void at(String shanghaiTime) {
        Instant instant = ZonedDateTime.parse(shanghaiTime + "+08:00[Asia/Shanghai]").toInstant();
        ClockUtil.setCurrentTime(Date.from(instant));
        assertThat(Duration.between(instant, ClockUtil.getCurrentTime().toInstant())).isZero();
    }
}
