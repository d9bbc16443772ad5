package io.opsdesk.ticket.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.TicketType;

/** {@code processes/ticket-priority.dmn} on a plain DMN engine: every rule, and the table as a whole. */
class TicketPriorityDecisionTest {

    private static final String DMN = "/processes/ticket-priority.dmn";

    /** Rule ids that matched in the last evaluation, recorded by the engine. */
    private static final List<String> matchedRules = new ArrayList<>();

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(TicketPriorityDecisionTest::recordMatches))
                .buildEngine();
        try (InputStream dmn = TicketPriorityDecisionTest.class.getResourceAsStream(DMN)) {
            decision = engine.parseDecision(SupportTicketProcess.PRIORITY_DECISION, dmn);
        }
    }

    /** At least one case per rule: rule id, inputs, expected priority. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Rule_FaultHighHigh", TicketType.FAULT, Level.HIGH, Level.HIGH, "P1"),
                Arguments.of("Rule_QuestionHighHigh", TicketType.BUSINESS_QUESTION, Level.HIGH, Level.HIGH, "P2"),
                Arguments.of("Rule_QuestionHighHigh", TicketType.DATA_REQUEST, Level.HIGH, Level.HIGH, "P2"),
                Arguments.of("Rule_HighMedium", TicketType.FAULT, Level.HIGH, Level.MEDIUM, "P2"),
                Arguments.of("Rule_HighMedium", TicketType.BUSINESS_QUESTION, Level.HIGH, Level.MEDIUM, "P2"),
                Arguments.of("Rule_MediumHigh", TicketType.DATA_REQUEST, Level.MEDIUM, Level.HIGH, "P2"),
                Arguments.of("Rule_HighLow", TicketType.FAULT, Level.HIGH, Level.LOW, "P3"),
                Arguments.of("Rule_MediumMedium", TicketType.BUSINESS_QUESTION, Level.MEDIUM, Level.MEDIUM, "P3"),
                Arguments.of("Rule_LowHigh", TicketType.FAULT, Level.LOW, Level.HIGH, "P3"),
                Arguments.of("Rule_MediumLow", TicketType.FAULT, Level.MEDIUM, Level.LOW, "P4"),
                Arguments.of("Rule_LowMediumOrLow", TicketType.FAULT, Level.LOW, Level.MEDIUM, "P4"),
                Arguments.of("Rule_LowMediumOrLow", TicketType.DATA_REQUEST, Level.LOW, Level.LOW, "P4"),
                Arguments.of("Rule_RequestHighHighOrMedium", TicketType.FEATURE_REQUEST, Level.HIGH, Level.HIGH, "P3"),
                Arguments.of("Rule_RequestHighHighOrMedium", TicketType.CHANGE_REQUEST, Level.HIGH, Level.MEDIUM, "P3"),
                Arguments.of("Rule_RequestMediumHigh", TicketType.CHANGE_REQUEST, Level.MEDIUM, Level.HIGH, "P3"),
                Arguments.of("Rule_RequestHighLow", TicketType.FEATURE_REQUEST, Level.HIGH, Level.LOW, "P4"),
                Arguments.of("Rule_RequestMediumMediumOrLow", TicketType.FEATURE_REQUEST, Level.MEDIUM, Level.MEDIUM, "P4"),
                Arguments.of("Rule_RequestMediumMediumOrLow", TicketType.CHANGE_REQUEST, Level.MEDIUM, Level.LOW, "P4"),
                Arguments.of("Rule_RequestLow", TicketType.CHANGE_REQUEST, Level.LOW, Level.HIGH, "P4"),
                Arguments.of("Rule_RequestLow", TicketType.FEATURE_REQUEST, Level.LOW, Level.LOW, "P4"));
    }

    @ParameterizedTest(name = "{0}: {1} impact {2} urgency {3} is {4}")
    @MethodSource("cases")
    void ruleDecidesPriority(String rule, TicketType type, Level impact, Level urgency, String priority) {
        DmnDecisionResult result = evaluate(type, impact, urgency);

        assertThat(matchedRules).containsExactly(rule);
        assertThat((String) result.getSingleEntry()).isEqualTo(priority);
    }

    @Test
    void everyRuleOfTheTableHasACase() throws Exception {
        Set<String> tested = cases().map(c -> (String) c.get()[0]).collect(Collectors.toSet());
        try (InputStream dmn = getClass().getResourceAsStream(DMN)) {
            Set<String> rules = Dmn.readModelFromStream(dmn).getModelElementsByType(Rule.class).stream()
                    .map(Rule::getId).collect(Collectors.toSet());
            assertThat(rules).hasSize(14);
            assertThat(tested).isEqualTo(rules);
        }
    }

    @Test
    void everyCombinationHasExactlyOnePriorityOnlyFaultsAreP1AndRequestsAtMostP3() {
        int combinations = 0;
        for (TicketType type : TicketType.values()) {
            for (Level impact : Level.values()) {
                for (Level urgency : Level.values()) {
                    String combination = type + "/" + impact + "/" + urgency;
                    DmnDecisionResult result = evaluate(type, impact, urgency);
                    assertThat(result).as(combination).hasSize(1);
                    String priority = result.getSingleEntry();
                    assertThat(priority).as(combination).isIn("P1", "P2", "P3", "P4");
                    if (priority.equals("P1")) {
                        assertThat(type).as(combination + " is P1").isEqualTo(TicketType.FAULT);
                    }
                    if (type.needsFeasibility()) {
                        assertThat(priority).as(combination + " is a request").isIn("P3", "P4");
                    }
                    combinations++;
                }
            }
        }
        assertThat(combinations).isEqualTo(5 * 3 * 3);
    }

    private static DmnDecisionResult evaluate(TicketType type, Level impact, Level urgency) {
        matchedRules.clear();
        return engine.evaluateDecision(decision, Map.of(
                SupportTicketProcess.Variables.TICKET_TYPE, type.name(),
                SupportTicketProcess.Variables.IMPACT, impact.name(),
                SupportTicketProcess.Variables.URGENCY, urgency.name()));
    }

    private static void recordMatches(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
    }
}
