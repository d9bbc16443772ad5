package io.opsdesk.inspection;

import io.opsdesk.engine.ProcessBean;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.inspection.DailyInspectionProcess.Variables;

/**
 * {@code ServiceTask_StartRun}: starts an inspection run and sets the targets to check, all configured ones
 * unless the start gave {@code targetNames}.
 */
@ProcessBean("inspectionStartRun")
class StartRunDelegate implements JavaDelegate {

    private final InspectionService inspection;

    StartRunDelegate(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object trigger = execution.getVariable(Variables.TRIGGER);
        Object initiator = execution.getVariable(Variables.INITIATOR);
        String triggeredBy = trigger != null ? trigger.toString() : "manual" + (initiator == null ? "" : ":" + initiator);
        execution.setVariable(Variables.TARGET_NAMES, targets(execution.getVariable(Variables.TARGET_NAMES)));
        execution.setVariable(Variables.RUN_ID, inspection.startRun(triggeredBy));
    }

    private List<String> targets(Object given) {
        List<String> all = inspection.targetNames();
        if (given == null) {
            return new ArrayList<>(all);
        }
        if (!(given instanceof List<?> names)) {
            throw new IllegalArgumentException(Variables.TARGET_NAMES + " must be a list of target names, not " + given);
        }
        List<String> chosen = names.stream().map(String::valueOf).toList();
        List<String> unknown = chosen.stream().filter(name -> !all.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no inspection targets " + unknown + "; the targets are " + all);
        }
        return new ArrayList<>(chosen);
    }
}
