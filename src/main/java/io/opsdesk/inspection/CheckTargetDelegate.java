package io.opsdesk.inspection;

import io.opsdesk.engine.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.inspection.DailyInspectionProcess.Variables;

/**
 * {@code ServiceTask_CheckTarget}, one instance per target: checks it and stores the result in the run. The
 * result stays in the database, not in the process; a check that throws is retried and then an incident.
 */
@ProcessBean("inspectionCheckTarget")
class CheckTargetDelegate implements JavaDelegate {

    private final InspectionService inspection;

    CheckTargetDelegate(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long runId = ((Number) execution.getVariable(Variables.RUN_ID)).longValue();
        inspection.checkAndRecord(runId, (String) execution.getVariable(Variables.TARGET_NAME));
    }
}
