package io.opsdesk.problem;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.TriageOutcome;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * Real tickets for the problem tests, created and acknowledged, triaged by alice in Tasklist's way (her login set on
 * the engine) with an optional problem link. Needs {@code BpmnAwareTests.init(engine)}.
 */
final class ProblemTickets {

    private static final ZoneId TEAM_ZONE = ZoneId.of("Asia/Shanghai");

    /** A ticket under test: its process, key and customer's address. */
    record Case(ProcessInstance process, String key, String email) {
    }

    private final TicketService tickets;
    private final IdentityService identity;
    /** The business keys of what a test started: tickets, and problems a test adds; {@link #endAll} deletes their instances. */
    private final java.util.List<String> started = new java.util.ArrayList<>();

    ProblemTickets(TicketService tickets, IdentityService identity) {
        this.tickets = tickets;
        this.identity = identity;
    }

    /** A new FAULT ticket on {@code system}, acknowledged and waiting for triage. */
    Case created(String title, String system, String locale) {
        String email = "problem-customer-" + UUID.randomUUID() + "@example.com";
        TicketService.Created created = tickets.create(new NewTicket(TicketType.FAULT, title,
                "Since the last update the PDF shows 13 % instead of 9 %.", system, Level.HIGH, Level.MEDIUM, "Li Lei",
                email, "ACME", locale, "API"), null);
        started.add(created.ticket().key());
        execute(job(Elements.SEND_ACKNOWLEDGEMENT, created.process()));
        return new Case(created.process(), created.ticket().key(), email);
    }

    /** Triaged by alice with this outcome and these problem fields; the handling plan is mailed. */
    void triage(Case ticket, TriageOutcome outcome, Map<String, Object> problemFields) {
        Map<String, Object> form = new HashMap<>(Map.of(Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "HIGH",
                Variables.URGENCY, "MEDIUM", Variables.ANALYSIS, "Wrong tax table", Variables.TRIAGE_OUTCOME, outcome.name(),
                Variables.HANDLING_PLAN, "We correct the tax table",
                Variables.AGREED_DELIVERY_DATE, LocalDate.ofInstant(EngineTime.now(), TEAM_ZONE).plusWeeks(2).toString()));
        form.putAll(problemFields);
        asAlice(() -> complete(task(Elements.TRIAGE, ticket.process()), form));
        execute(job(Elements.SEND_HANDLING_PLAN, ticket.process()));
        assertThat(ticket.process()).isWaitingAt(outcome == TriageOutcome.RESOLVE_IN_SUPPORT ? Elements.RESOLVE_IN_SUPPORT
                : Elements.IMPLEMENT_FIX);
    }

    void started(String businessKey) {
        started.add(businessKey);
    }

    /** Ends what the test left running, so that no job of it waits for a later test's job executor. */
    void endAll(org.camunda.bpm.engine.RuntimeService runtime) {
        for (String key : started) {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test done", true, true));
        }
        started.clear();
    }

    void asAlice(Runnable action) {
        identity.setAuthentication("alice", java.util.List.of("support"));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
