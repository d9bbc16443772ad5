package io.opsdesk.ticket.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.OpsDeskTest;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.TriageOutcome;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;

/**
 * {@code forms/triage-ticket.form} and the triage guard ({@link TicketTaskListeners#triaged}) agree: a
 * form filled in completely, which submits only the fields its FEEL conditions show, completes triage
 * for every outcome a support engineer can choose.
 */
@OpsDeskTest
class TriageFormTest {

    private static final String FORM = "/forms/triage-ticket.form";

    private final ProcessEngine processEngine;
    private final TicketService ticketService;

    @Autowired
    TriageFormTest(ProcessEngine processEngine, TicketService ticketService) {
        this.processEngine = processEngine;
        this.ticketService = ticketService;
    }

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetAssertions() {
        BpmnAwareTests.reset();
    }

    static Stream<Arguments> choices() {
        Stream<Arguments> fault = Stream.of(TriageOutcome.values()).map(o -> Arguments.of(TicketType.FAULT, false, o));
        Stream<Arguments> feasibleRequest = Stream.of(TriageOutcome.values())
                .map(o -> Arguments.of(TicketType.CHANGE_REQUEST, true, o));
        return Stream.concat(Stream.concat(fault, feasibleRequest),
                Stream.of(Arguments.of(TicketType.FEATURE_REQUEST, false, TriageOutcome.DECLINE)));
    }

    @ParameterizedTest(name = "{0} (feasible: {1}) triaged as {2}")
    @MethodSource("choices")
    void completelyFilledTriageFormIsAccepted(TicketType type, boolean feasible, TriageOutcome outcome) throws IOException {
        ProcessInstance process = ticketAtTriage(type);

        complete(task(Elements.TRIAGE, process), submittedBy(filledIn(type, feasible, outcome)));

        assertThat(process).hasPassed(Elements.TRIAGE).isNotWaitingAt(Elements.TRIAGE);
    }

    /** A value for every input field of the form, as a support engineer would enter them. */
    private static Map<String, Object> filledIn(TicketType type, boolean feasible, TriageOutcome outcome) {
        Map<String, Object> values = new HashMap<>();
        values.put(Variables.TICKET_TYPE, type.name());
        values.put(Variables.IMPACT, Level.MEDIUM.name());
        values.put(Variables.URGENCY, Level.HIGH.name());
        values.put(Variables.ANALYSIS, "Export job fails on large months");
        values.put(Variables.FEASIBLE, feasible);
        values.put(Variables.EFFORT_DAYS, 3);
        values.put(Variables.TRIAGE_OUTCOME, outcome.name());
        values.put(Variables.HANDLING_PLAN, "We batch the export");
        values.put(Variables.AGREED_DELIVERY_DATE, LocalDate.now().plusMonths(1).toString());
        values.put(Variables.INFORMATION_REQUEST, "Please send the export log");
        values.put(Variables.DECLINE_REASON, "Out of the contract's scope");
        return values;
    }

    /** What the form submits: the values of the fields its {@code conditional.hide} expressions leave visible. */
    private static Map<String, Object> submittedBy(Map<String, Object> values) throws IOException {
        FeelEngine feel = feelEngine();
        Map<String, Object> submitted = new HashMap<>();
        try (InputStream form = TriageFormTest.class.getResourceAsStream(FORM)) {
            for (JsonNode field : new ObjectMapper().readTree(form).path("components")) {
                String key = field.path("key").asText(null);
                String hide = field.path("conditional").path("hide").asText(null);
                boolean hidden = hide != null && Boolean.TRUE.equals(feel.evaluateSimpleExpression(hide.substring(1),
                        org.camunda.bpm.engine.variable.Variables.fromMap(values).asVariableContext()));
                if (key != null && values.containsKey(key) && !hidden) {
                    submitted.put(key, values.get(key));
                }
            }
        }
        return submitted;
    }

    private static FeelEngine feelEngine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.buildEngine();
        return configuration.getFeelEngine();
    }

    private ProcessInstance ticketAtTriage(TicketType type) {
        ProcessInstance process = ticketService.create(new NewTicket(type, "Billing export", "The export stops.", "billing",
                Level.MEDIUM, Level.HIGH, "Li Lei", "triage-" + UUID.randomUUID() + "@example.com", null, "en", "API"),
                null).process();
        execute(job(Elements.SEND_ACKNOWLEDGEMENT, process));
        assertThat(process).isWaitingAt(Elements.TRIAGE);
        return process;
    }
}
