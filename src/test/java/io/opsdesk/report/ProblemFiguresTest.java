package io.opsdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;

/**
 * The report's top problems by linked tickets, in a week of its own (2027-03-08 to 2027-03-14, Asia/Shanghai): two
 * problems with three and one tickets linked in the week, as JSON, CSV and page; links outside the week do not count.
 */
@OpsDeskTest
class ProblemFiguresTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String BOB = Http.basic("bob", "bob");
    private static final String MIKE = Http.basic("mike", "mike");

    private final TicketService tickets;
    private final ReportCompiler compiler;
    private final ReportRepository reports;
    private final RuntimeService runtime;

    @LocalServerPort
    int port;

    ProblemFiguresTest(TicketService tickets, ReportCompiler compiler, ReportRepository reports, RuntimeService runtime) {
        this.runtime = runtime;
        this.tickets = tickets;
        this.compiler = compiler;
        this.reports = reports;
    }

    private final List<String> started = new java.util.ArrayList<>();

    /** Ends the tickets and problems of the test, so that none of their jobs waits for a later test's job executor. */
    @AfterEach
    void resetClockAndEndWhatRuns() {
        ClockUtil.reset();
        for (String key : started) {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test done", true, true));
        }
    }

    @Test
    void theReportListsTheProblemsWithTheMostTicketsLinkedInThePeriod() {
        Http http = new Http(port);
        at(2027, 3, 10);
        String many = problem(http, "Export times out", ticket(), ticket(), ticket());
        String one = problem(http, "Login loops", ticket());
        at(2027, 3, 20);
        link(http, one, ticket());   // after the week: not counted

        OperationsReport report = compiler.compile(ReportPeriod.days(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 14), ZONE));

        assertThat(report.problems()).containsExactly(
                new OperationsReport.ProblemLine(many, "Export times out", "reporting", "INVESTIGATING", 3),
                new OperationsReport.ProblemLine(one, "Login loops", "reporting", "INVESTIGATING", 1));
        long id = reports.insert(report, "test");
        Http.Response json = http.get("/api/reports/" + id, "Authorization", MIKE);
        assertThat(json.json().get("problems").findValuesAsText("key")).containsExactly(many, one);
        assertThat(http.get("/api/reports/" + id + "/csv", "Authorization", MIKE).body())
                .contains("problem," + many + " Export times out,tickets_linked,3", "problem," + one + " Login loops,tickets_linked,1");
        String page = http.get("/reports/" + id, "Authorization", MIKE).body();
        assertThat(page).contains("Top problems by linked tickets", many, "Export times out");
    }

    private void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, ZONE).toInstant()));
    }

    private String problem(Http http, String title, String... ticketKeys) {
        Http.Response created = http.postJson("/api/problems", Map.of("title", title, "system", "reporting",
                "tickets", List.of(ticketKeys)), "Authorization", BOB);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        started.add(created.json().get("key").asText());
        return created.json().get("key").asText();
    }

    private void link(Http http, String key, String ticketKey) {
        assertThat(http.postJson("/api/problems/" + key + "/tickets", Map.of("ticket", ticketKey), "Authorization", BOB).status())
                .isEqualTo(200);
    }

    private String ticket() {
        String key = tickets.create(new NewTicket(TicketType.FAULT, "Report export slow", "It takes minutes.", "reporting",
                Level.LOW, Level.LOW, "Han Mei", "figures-" + UUID.randomUUID() + "@example.com", "ACME", "en", "API"), null)
                .ticket().key();
        started.add(key);
        return key;
    }
}
