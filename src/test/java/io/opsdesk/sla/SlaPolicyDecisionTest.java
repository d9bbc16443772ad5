package io.opsdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.opsdesk.ticket.process.SupportTicketProcess;

/** {@code processes/sla-policy.dmn} on a plain DMN engine: every rule, and what the table promises as a whole. */
class SlaPolicyDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = SlaPolicyDecisionTest.class.getResourceAsStream("/processes/sla-policy.dmn")) {
            decision = engine.parseDecision(SupportTicketProcess.SLA_DECISION, dmn);
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("STANDARD", "P1", "PT30M", "PT4H", "24x7"),
                Arguments.of("STANDARD", "P2", "PT2H", "PT15H", "china-business"),
                Arguments.of("STANDARD", "P3", "PT4H", "PT37H30M", "china-business"),
                Arguments.of("STANDARD", "P4", "PT7H30M", "PT75H", "china-business"),
                Arguments.of("PREMIUM", "P1", "PT15M", "PT2H", "24x7"),
                Arguments.of("PREMIUM", "P2", "PT1H", "PT7H30M", "china-business"),
                Arguments.of("PREMIUM", "P3", "PT2H", "PT22H30M", "china-business"),
                Arguments.of("PREMIUM", "P4", "PT4H", "PT37H30M", "china-business"));
    }

    @ParameterizedTest(name = "{0} {1}: {2} / {3} on {4}")
    @MethodSource("rules")
    void eachRuleGivesItsTargets(String tier, String priority, String firstResponse, String resolution, String calendar) {
        DmnDecisionRuleResult result = evaluate(tier, priority);
        assertThat(result.getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "firstResponseTarget", firstResponse, "resolutionTarget", resolution, "calendar", calendar));
    }

    @Test
    void higherPrioritiesAndPremiumCustomersNeverWaitLonger() {
        for (String tier : List.of("STANDARD", "PREMIUM")) {
            for (int p = 1; p < 4; p++) {
                assertThat(target(tier, "P" + p, "firstResponseTarget")).isLessThan(target(tier, "P" + (p + 1), "firstResponseTarget"));
                assertThat(target(tier, "P" + p, "resolutionTarget")).isLessThan(target(tier, "P" + (p + 1), "resolutionTarget"));
            }
        }
        for (int p = 1; p <= 4; p++) {
            assertThat(target("PREMIUM", "P" + p, "resolutionTarget")).isLessThan(target("STANDARD", "P" + p, "resolutionTarget"));
        }
    }

    private static Duration target(String tier, String priority, String output) {
        return Duration.parse((String) evaluate(tier, priority).get(output));
    }

    private static DmnDecisionRuleResult evaluate(String tier, String priority) {
        return engine.evaluateDecisionTable(decision, Map.of("priority", priority, "customerTier", tier)).getSingleResult();
    }
}
