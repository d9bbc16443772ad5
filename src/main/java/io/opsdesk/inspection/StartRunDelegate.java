package io.opsdesk.inspection;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.inspection.DailyInspectionProcess.Beans;
import io.opsdesk.inspection.DailyInspectionProcess.Variables;

/**
 * {@code ServiceTask_StartRun}: starts an inspection run and sets the targets to check, all configured ones
 * unless the start gave {@code targetNames}.
 */
@ProcessBean(Beans.START_RUN)
class StartRunDelegate implements JavaDelegate {

    private final InspectionService inspection;

    StartRunDelegate(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Variables.TARGET_NAMES, targets(Variables.targetNames(execution).orElse(null)));
        execution.setVariable(Variables.RUN_ID, inspection.startRun(Variables.triggeredBy(execution)));
    }

    private ArrayList<String> targets(List<?> given) {
        List<String> all = inspection.targetNames();
        List<String> chosen = given == null ? all : given.stream().map(String::valueOf).toList();
        List<String> unknown = chosen.stream().filter(name -> !all.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no inspection targets " + unknown + "; the targets are " + all);
        }
        return new ArrayList<>(chosen);
    }
}
