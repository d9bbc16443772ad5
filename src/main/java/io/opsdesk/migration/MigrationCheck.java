package io.opsdesk.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks Camunda whether a plan and a ticket's process instance can migrate. A plan is checked by building
 * it; an instance by migrating it for real in a transaction of its own that is then rolled back, so the
 * answer is exactly what the real migration would say, with Camunda's own reasons.
 */
@Component
class MigrationCheck {

    /** A migration plan from one source version, or the reasons there is none. */
    record Plan(ProcessDefinition source, MigrationPlan plan, List<String> reasons) {
        boolean valid() {
            return plan != null;
        }
    }

    private final RuntimeService runtime;
    private final TransactionTemplate separate;

    MigrationCheck(RuntimeService runtime, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Equal activity ids map onto each other; the plan marks every instance it moves with its old version. */
    Plan plan(ProcessDefinition source, ProcessDefinition target) {
        try {
            MigrationPlan plan = runtime.createMigrationPlan(source.getId(), target.getId())
                    .mapEqualActivities()
                    .setVariables(Map.of(MigrationTimeline.FROM_VERSION, source.getVersion()))
                    .build();
            return new Plan(source, plan, List.of());
        } catch (MigrationPlanValidationException e) {
            List<String> reasons = new ArrayList<>();
            e.getValidationReport().getInstructionReports().forEach(report -> report.getFailures().forEach(failure ->
                    reasons.add(report.getMigrationInstruction().getSourceActivityId() + ": " + failure)));
            e.getValidationReport().getVariableReports().forEach((name, report) ->
                    report.getFailures().forEach(failure -> reasons.add("variable " + name + ": " + failure)));
            if (reasons.isEmpty()) {
                reasons.add(e.getMessage());
            }
            return new Plan(source, null, List.copyOf(reasons));
        }
    }

    /** Why this instance cannot move with the plan; empty when it can. Nothing is changed either way. */
    List<String> whyNot(MigrationPlan plan, String processInstanceId) {
        try {
            separate.executeWithoutResult(status -> {
                runtime.newMigration(plan).processInstanceIds(processInstanceId).execute();
                status.setRollbackOnly();
            });
            return List.of();
        } catch (MigratingProcessInstanceValidationException e) {
            return reasons(e.getValidationReport());
        } catch (ProcessEngineException e) {
            return List.of(e.getMessage());
        }
    }

    private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
        List<String> reasons = new ArrayList<>(report.getFailures());
        report.getActivityInstanceReports().forEach(activity -> activity.getFailures().forEach(failure ->
                reasons.add(activity.getSourceScopeId() + ": " + failure)));
        report.getTransitionInstanceReports().forEach(transition -> transition.getFailures().forEach(failure ->
                reasons.add(transition.getSourceScopeId() + ": " + failure)));
        return List.copyOf(reasons);
    }
}
