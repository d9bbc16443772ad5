package io.opsdesk.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.TestMailServer;
import io.opsdesk.problem.ProblemTickets.Case;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketStatus;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.TimelineEntry;
import io.opsdesk.ticket.process.SupportTicketProcess;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.TriageOutcome;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

import jakarta.mail.internet.MimeMessage;

/**
 * Problem records through the API and the ticket's forms, end to end with real tickets and a real SMTP server: a
 * problem opened from a triage form, suggested for a similar ticket, a known error whose workaround support sees, and
 * fixed, which takes its waiting tickets to delivery together and mails each customer in their language.
 */
@OpsDeskTest
class ProblemApiTest {

    private static final String ALICE = Http.basic("alice", "alice");
    private static final String BOB = Http.basic("bob", "bob");
    private static final String TITLE = "Invoice PDF shows the wrong tax rate";

    private final ProcessEngine engine;
    private final Tickets tickets;
    private final GreenMail greenMail;
    private final ProblemTickets fixtures;
    private Http http;

    @LocalServerPort
    int port;

    ProblemApiTest(ProcessEngine engine, TicketService ticketService, Tickets tickets, GreenMail greenMail) {
        this.engine = engine;
        this.tickets = tickets;
        this.greenMail = greenMail;
        this.fixtures = new ProblemTickets(ticketService, engine.getIdentityService());
    }

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        http = new Http(port);
    }

    @AfterEach
    void tearDown() {
        fixtures.endAll(engine.getRuntimeService());
        BpmnAwareTests.reset();
    }

    @Test
    void aFixedProblemTakesItsWaitingTicketsToDeliveryTogetherAndEachCustomerIsMailed() {
        String system = "billing-" + System.nanoTime();
        // a problem opened from the triage form ("new"): started in alice's command, on the ticket's system
        Case first = fixtures.created(TITLE, system, "en");
        fixtures.triage(first, TriageOutcome.HAND_TO_DEVELOPMENT, Map.of(Variables.PROBLEM_KEY, "new",
                Variables.PROBLEM_TITLE, "Tax rate wrong since the update"));
        String key = (String) engine.getRuntimeService().getVariable(first.process().getId(), Variables.PROBLEM_KEY);
        fixtures.started(key);
        JsonNode opened = get(key);
        assertThat(opened.get("state").asText()).isEqualTo("INVESTIGATING");
        assertThat(opened.get("system").asText()).isEqualTo(system);
        assertThat(opened.get("createdBy").asText()).isEqualTo("alice");
        assertThat(opened.get("tickets").findValuesAsText("key")).containsExactly(first.key());
        assertThat(internalTimeline(first)).contains("Linked to problem " + key + ": Tax rate wrong since the update");

        // investigated through the API: a known error with a workaround
        Http.Response known = http.postJson("/api/problems/" + key + "/known-error", Map.of("rootCause",
                "The update shipped the old tax table", "workaround", "Correct the tax by hand in the PDF export"), "Authorization", BOB);
        assertThat(known.status()).as(known.body()).isEqualTo(200);
        assertThat(known.json().get("state").asText()).isEqualTo("KNOWN_ERROR");

        // a similar ticket of the same system: suggested, linked from its triage form, support sees the workaround
        Case second = fixtures.created("Wrong tax rate on the invoice PDF", system, "zh-CN");
        Http.Response suggested = http.get("/api/tickets/" + second.key() + "/problem-suggestions", "Authorization", ALICE);
        assertThat(suggested.status()).as(suggested.body()).isEqualTo(200);
        assertThat(suggested.json().findValuesAsText("key")).containsExactly(key);
        fixtures.triage(second, TriageOutcome.HAND_TO_DEVELOPMENT, Map.of(Variables.PROBLEM_KEY, key));
        assertThat((String) engine.getTaskService().getVariableLocal(task(Elements.IMPLEMENT_FIX, second.process()).getId(),
                Variables.TICKET_CONTEXT)).contains(key, "Correct the tax by hand in the PDF export");

        // a third ticket still in triage, linked through the API: it does not wait for resolution work
        Case third = fixtures.created(TITLE, system, "en");
        Http.Response linked = http.postJson("/api/problems/" + key + "/tickets", Map.of("ticket", third.key()), "Authorization", ALICE);
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("tickets").findValuesAsText("key")).containsExactly(first.key(), second.key(), third.key());

        Http.Response fixed = http.postJson("/api/problems/" + key + "/fix", Map.of("fix", "The tax table is per region again"),
                "Authorization", BOB);
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().get("state").asText()).isEqualTo("FIXED");
        ProcessInstance problem = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(key).processDefinitionKey(ProblemProcess.KEY).singleResult();
        execute(job(ProblemProcess.Elements.MOVE_TICKETS_ON, problem));
        assertThat(problem).hasPassed(ProblemProcess.Elements.FIXED).isEnded();

        for (Case moved : List.of(first, second)) {
            assertThat(moved.process()).hasPassed(Elements.PROBLEM_FIXED, Elements.RECORD_PROBLEM_FIX)
                    .hasNotPassed(Elements.VERIFY_FIX).isWaitingAt(Elements.SEND_DELIVERY);
            execute(job(Elements.SEND_DELIVERY, moved.process()));
            assertThat(tickets.get(moved.key()).status()).isEqualTo(TicketStatus.AWAITING_ACCEPTANCE);
            assertThat(tickets.get(moved.key()).resolution()).isEqualTo("The tax table is per region again");
        }
        MimeMessage english = TestMailServer.lastMailTo(greenMail, first.email());
        assertThat(TestMailServer.subject(english)).startsWith("[" + first.key() + "] Delivered");
        assertThat(TestMailServer.text(english)).contains("The tax table is per region again");
        MimeMessage chinese = TestMailServer.lastMailTo(greenMail, second.email());
        assertThat(TestMailServer.subject(chinese)).startsWith("[" + second.key() + "] 已交付");
        assertThat(TestMailServer.text(chinese)).contains("The tax table is per region again");

        assertThat(third.process()).isWaitingAt(Elements.TRIAGE);
        assertThat(TestMailServer.mailsTo(greenMail, third.email())).hasSize(1); // the acknowledgement only
        assertThat(internalTimeline(third)).anyMatch(m -> m.startsWith("Problem " + key + " is fixed; the ticket did not wait"));
    }

    @Test
    void theResolutionFormLinksToo() {
        String system = "crm-" + System.nanoTime();
        String key = create("Sync drops contacts", system).get("key").asText();
        Case ticket = fixtures.created("Contacts missing after sync", system, "en");
        fixtures.triage(ticket, TriageOutcome.RESOLVE_IN_SUPPORT, Map.of());

        fixtures.asAlice(() -> complete(task(Elements.RESOLVE_IN_SUPPORT, ticket.process()), withVariables(
                Variables.RESOLUTION, "Re-ran the sync", Variables.PROBLEM_KEY, key.toLowerCase())));

        assertThat(get(key).get("tickets").findValuesAsText("key")).containsExactly(ticket.key());
        assertThat(ticket.process()).isWaitingAt(Elements.SEND_DELIVERY);
    }

    @Test
    void tasklistStartsAProblemAndDevelopersWorkItsTasks() {
        String system = "mail-" + System.nanoTime();
        Http.Response started = http.postJson("/engine-rest/process-definition/key/problem/submit-form",
                "{\"variables\": {\"problemTitle\": {\"value\": \"Mails bounce\"}, \"problemSystem\": {\"value\": \""
                        + system + "\"}}}", "Authorization", ALICE);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String key = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.json().get("id").asText())
                .singleResult().getBusinessKey();
        fixtures.started(key);
        assertThat(get(key).get("createdBy").asText()).isEqualTo("alice");

        String investigate = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
        assertThat(engine.getTaskService().getVariableLocal(investigate, ProblemProcess.Variables.PROBLEM_CONTEXT).toString())
                .contains(key, "Mails bounce", system);
        Http.Response refused = http.postJson("/engine-rest/task/" + investigate + "/submit-form",
                "{\"variables\": {\"rootCause\": {\"value\": \"SPF record missing\"}}}", "Authorization", BOB);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("workaround: is required");
        Http.Response done = http.postJson("/engine-rest/task/" + investigate + "/submit-form",
                "{\"variables\": {\"rootCause\": {\"value\": \"SPF record missing\"}, \"workaround\": {\"value\": "
                        + "\"Send from the relay\"}}}", "Authorization", BOB);
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(get(key).get("state").asText()).isEqualTo("KNOWN_ERROR");
        assertThat(http.postJson("/engine-rest/process-definition/key/problem/submit-form", "{\"variables\": {}}",
                "Authorization", Http.basic("carol", "carol")).status()).as("supervisors do not start problems").isEqualTo(403);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String system = "erp-" + System.nanoTime();
        Http.assertProblem(http.postJson("/api/problems", Map.of("system", system), "Authorization", BOB), 400, "title", "is required");
        Http.assertProblem(http.postJson("/api/problems", Map.of("title", "x".repeat(201), "system", system), "Authorization", BOB),
                400, "title", "longer than 200");
        Http.assertProblem(http.postJson("/api/problems", Map.of("title", "Report hangs"), "Authorization", BOB), 400, "system", "is required");
        assertThat(http.get("/api/problems?system=" + system, "Authorization", BOB).json()).isEmpty();
        Http.assertProblem(http.get("/api/problems?state=SOLVED", "Authorization", BOB), 400, "state", "is not one of");
        Http.assertProblem(http.get("/api/problems/PRB-999999", "Authorization", BOB), 404, null, "there is no problem 'PRB-999999'");

        String key = create("Report hangs", system).get("key").asText();
        Http.assertProblem(http.postJson("/api/problems/" + key + "/tickets", Map.of("ticket", "OPS-999999"), "Authorization", BOB),
                400, "ticket", "there is no ticket 'OPS-999999'");
        Http.assertProblem(http.send("PATCH", "/api/problems/" + key, "{}", "Authorization", BOB, "Content-Type", "application/json"),
                400, "rootCause", "give a rootCause, a workaround or both");
        Http.assertProblem(http.postJson("/api/problems/" + key + "/known-error", Map.of("rootCause", "Slow query"), "Authorization", BOB),
                400, "workaround", "is required");
        Http.assertProblem(http.postJson("/api/problems/" + key + "/fix", Map.of("fix", "Index added"), "Authorization", BOB),
                409, null, "is not at this step now");
        JsonNode unchanged = get(key);
        assertThat(unchanged.get("state").asText()).isEqualTo("INVESTIGATING");
        assertThat(unchanged.get("rootCause").isNull()).isTrue();

        Http.Response patched = http.send("PATCH", "/api/problems/" + key, "{\"workaround\": \"Run it at night\"}",
                "Authorization", BOB, "Content-Type", "application/json");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("workaround").asText()).isEqualTo("Run it at night");

        Case ticket = fixtures.created("Report hangs at month end", system, "en");
        for (String wrong : List.of("PRB-999999", "the one from last week")) {
            fixtures.asAlice(() -> assertThatThrownBy(() -> complete(task(Elements.TRIAGE, ticket.process()), withVariables(
                    Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "HIGH", Variables.URGENCY, "MEDIUM", Variables.ANALYSIS, "a",
                    Variables.TRIAGE_OUTCOME, "RESOLVE_IN_SUPPORT", Variables.HANDLING_PLAN, "b", Variables.PROBLEM_KEY, wrong)))
                    .hasMessageContaining("problemKey: ").rootCause().isInstanceOf(NotValidException.class));
        }
        assertThat(ticket.process()).isWaitingAt(Elements.TRIAGE);
        assertThat(get(key).get("tickets")).isEmpty();
    }

    @Test
    void problemsAreForStaffOnlyAndOnlySupportAndDevelopersChangeThem() {
        assertThat(http.get("/api/problems").status()).isEqualTo(401);
        assertThat(http.get("/api/problems", "Authorization", Http.basic("mike", "mike")).status()).isEqualTo(200);
        assertThat(http.postJson("/api/problems", Map.of("title", "t", "system", "s"), "Authorization", Http.basic("mike", "mike"))
                .status()).isEqualTo(403);
    }

    private JsonNode create(String title, String system) {
        Http.Response created = http.postJson("/api/problems", Map.of("title", title, "system", system), "Authorization", BOB);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/problems/" + created.json().get("key").asText());
        fixtures.started(created.json().get("key").asText());
        return created.json();
    }

    private JsonNode get(String key) {
        Http.Response response = http.get("/api/problems/" + key, "Authorization", ALICE);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<String> internalTimeline(Case ticket) {
        return tickets.timeline(ticket.key(), true).stream().map(TimelineEntry::message).toList();
    }

}
