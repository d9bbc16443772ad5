package io.opsdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * The parse cache decides exactly as Camunda's own FEEL engine: both evaluate the shipped decision tables for
 * every combination of their inputs (and for values the tables do not know), each expression is parsed once,
 * and a wrong expression fails as before.
 */
class ParsedFeelCacheTest {

    private static final List<String> TYPES = List.of("FAULT", "FEATURE_REQUEST", "CHANGE_REQUEST", "BUSINESS_QUESTION",
            "DATA_REQUEST", "UNKNOWN");
    private static final List<String> LEVELS = List.of("HIGH", "MEDIUM", "LOW", "NONE");
    private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4", "P9");
    private static final List<String> TIERS = List.of("STANDARD", "PREMIUM", "GOLD");

    private final DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DmnEngine cached = cachedEngine();

    @Test
    void ticketPriorityDecidesAsCamundasEngineForEveryInput() throws Exception {
        List<Map<String, Object>> inputs = new ArrayList<>();
        TYPES.forEach(type -> LEVELS.forEach(impact -> LEVELS.forEach(urgency ->
                inputs.add(Map.of("ticketType", type, "impact", impact, "urgency", urgency)))));
        assertSameDecisions("ticket-priority.dmn", inputs);
    }

    @Test
    void slaPolicyDecidesAsCamundasEngineForEveryInput() throws Exception {
        List<Map<String, Object>> inputs = new ArrayList<>();
        PRIORITIES.forEach(priority -> TIERS.forEach(tier -> inputs.add(Map.of("priority", priority, "customerTier", tier))));
        assertSameDecisions("sla-policy.dmn", inputs);
    }

    @Test
    void anExpressionIsParsedOnceAndAWrongOneFailsAsBefore() {
        ParsedFeelCache feel = new ParsedFeelCache(List.of());
        VariableContext x = Variables.createVariables().putValue("x", 5).asVariableContext();
        assertThat(feel.evaluateSimpleUnaryTests("> 3", "x", x)).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("> 3", "x",
                Variables.createVariables().putValue("x", 2).asVariableContext())).isFalse();
        assertThat(feel.parsedCount()).isEqualTo(1);
        assertThat((Object) feel.evaluateSimpleExpression("x * 2", x)).isEqualTo(10L);
        assertThat(feel.parsedCount()).isEqualTo(2);
        assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("> > 3", "x", x)).isInstanceOf(FeelException.class);
        assertThat(feel.parsedCount()).isEqualTo(2);
    }

    private void assertSameDecisions(String file, List<Map<String, Object>> inputs) throws Exception {
        List<DmnDecision> stockDecisions;
        List<DmnDecision> cachedDecisions;
        try (InputStream a = Files.newInputStream(Path.of("processes", file));
             InputStream b = Files.newInputStream(Path.of("processes", file))) {
            stockDecisions = stock.parseDecisions(a);
            cachedDecisions = cached.parseDecisions(b);
        }
        for (int d = 0; d < stockDecisions.size(); d++) {
            for (Map<String, Object> input : inputs) {
                Object expected = outcome(stock, stockDecisions.get(d), input);
                // twice: the second evaluation runs on the parsed expressions of the first
                assertThat(outcome(cached, cachedDecisions.get(d), input)).as("%s %s", file, input).isEqualTo(expected);
                assertThat(outcome(cached, cachedDecisions.get(d), input)).as("%s %s again", file, input).isEqualTo(expected);
            }
        }
    }

    private static Object outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> input) {
        try {
            return engine.evaluateDecisionTable(decision, Variables.fromMap(input)).getResultList();
        } catch (RuntimeException failed) {
            return failed.getClass().getName();
        }
    }

    private static DmnEngine cachedEngine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(ParsedFeelCache.factory(List.of()));
        return configuration.buildEngine();
    }
}
