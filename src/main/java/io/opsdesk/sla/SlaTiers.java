package io.opsdesk.sla;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;

/**
 * The customer tiers the deployed {@code sla-policy} decision knows: every quoted value of its {@code customerTier}
 * column in any rule of the newest version. A manager who deploys a table with a new tier makes it available at
 * once; a tier no rule names has no targets and is refused where tiers are set.
 */
@Service
public class SlaTiers {

    /** The input expression of the tier column in {@code sla-policy.dmn}. */
    static final String TIER_INPUT = "customerTier";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private record Known(String definitionId, Set<String> tiers) {
    }

    private final RepositoryService repository;
    private volatile Known known;

    SlaTiers(RepositoryService repository) {
        this.repository = repository;
    }

    /** The tiers of the newest deployed version, sorted; empty when the decision is not deployed. */
    public Set<String> tiers() {
        List<DecisionDefinition> latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(SlaPolicy.DECISION)
                .withoutTenantId().latestVersion().list();
        if (latest.isEmpty()) {
            return Set.of();
        }
        DecisionDefinition definition = latest.stream().max(Comparator.comparingInt(DecisionDefinition::getVersion)).orElseThrow();
        Known cached = known;
        if (cached != null && cached.definitionId().equals(definition.getId())) {
            return cached.tiers();
        }
        Set<String> tiers = Collections.unmodifiableSortedSet(read(repository.getDmnModelInstance(definition.getId())));
        known = new Known(definition.getId(), tiers);
        return tiers;
    }

    public boolean knows(String tier) {
        return tier != null && tiers().contains(tier);
    }

    private static TreeSet<String> read(DmnModelInstance model) {
        TreeSet<String> tiers = new TreeSet<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (!SlaPolicy.DECISION.equals(decision.getId()) || !(decision.getExpression() instanceof DecisionTable table)) {
                continue;
            }
            List<Input> inputs = List.copyOf(table.getInputs());
            int column = -1;
            for (int i = 0; i < inputs.size(); i++) {
                Input input = inputs.get(i);
                if (input.getInputExpression() != null && input.getInputExpression().getText() != null
                        && TIER_INPUT.equals(input.getInputExpression().getText().getTextContent().strip())) {
                    column = i;
                }
            }
            if (column < 0) {
                continue;
            }
            for (Rule rule : table.getRules()) {
                Matcher quoted = QUOTED.matcher(List.copyOf(rule.getInputEntries()).get(column).getTextContent());
                while (quoted.find()) {
                    tiers.add(quoted.group(1));
                }
            }
        }
        return tiers;
    }
}
