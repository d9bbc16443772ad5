package io.opsdesk.release;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;

import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.TriageOutcome;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;

/**
 * Real tickets for release tests, worked through the support-ticket process as far as a test needs: created and
 * acknowledged, or handed to development, implemented and verified with "ships with a release". Needs
 * {@code BpmnAwareTests.init(engine)}.
 */
final class TicketsForRelease {

    static final String TITLE = "Invoice PDF shows the wrong tax rate";
    static final String RESOLUTION = "Tax rate read from the customer's region";
    private static final ZoneId TEAM_ZONE = ZoneId.of("Asia/Shanghai");

    /** A ticket under test: its process, key and customer's address. */
    record Case(ProcessInstance process, String key, String email) {
    }

    private final TicketService tickets;

    TicketsForRelease(TicketService tickets) {
        this.tickets = tickets;
    }

    /** A new FAULT ticket, acknowledged and waiting for triage. */
    Case created(String locale) {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        TicketService.Created created = tickets.create(new NewTicket(TicketType.FAULT, TITLE,
                "Since the last update the PDF shows 13 % instead of 9 %.", "billing", Level.HIGH, Level.MEDIUM, "Wang Fang",
                email, "ACME", locale, "API"), null);
        execute(job(Elements.SEND_ACKNOWLEDGEMENT, created.process()));
        return new Case(created.process(), created.ticket().key(), email);
    }

    /** A ticket handed to development, implemented and verified with "ships with a release". */
    Case awaitingRelease(String locale) {
        Case ticket = created(locale);
        complete(task(Elements.TRIAGE, ticket.process()), withVariables(
                Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "HIGH", Variables.URGENCY, "MEDIUM",
                Variables.ANALYSIS, "Wrong tax table", Variables.TRIAGE_OUTCOME, TriageOutcome.HAND_TO_DEVELOPMENT.name(),
                Variables.HANDLING_PLAN, "Development corrects the tax table",
                Variables.AGREED_DELIVERY_DATE, LocalDate.ofInstant(EngineTime.now(), TEAM_ZONE).plusWeeks(2).toString()));
        execute(job(Elements.SEND_HANDLING_PLAN, ticket.process()));
        complete(task(Elements.IMPLEMENT_FIX, ticket.process()), withVariables(Variables.IMPLEMENTATION_NOTES, "Tax table per region"));
        complete(task(Elements.VERIFY_FIX, ticket.process()), withVariables(Variables.VERIFICATION_PASSED, true,
                Variables.RESOLUTION, RESOLUTION, Variables.NEEDS_RELEASE, true));
        assertThat(ticket.process()).isWaitingAt(Elements.AWAIT_RELEASE);
        return ticket;
    }
}
