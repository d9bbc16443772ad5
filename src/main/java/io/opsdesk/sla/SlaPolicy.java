package io.opsdesk.sla;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** The SLA targets of a priority and customer tier, from the decision table {@code sla-policy.dmn}. */
@Service
public class SlaPolicy {

    /** The decision table's key; managers change it in the Modeler. */
    public static final String DECISION = "sla-policy";

    private final DecisionService decisions;

    SlaPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    public SlaTargets targets(String priority, String customerTier) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
                        .putValue("priority", priority)
                        .putValue("customerTier", customerTier))
                .getSingleResult().getEntryMap();
        return new SlaTargets(Duration.parse((String) result.get("firstResponseTarget")),
                Duration.parse((String) result.get("resolutionTarget")), (String) result.get("calendar"));
    }
}
