package io.opsdesk.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.inspection.DailyInspectionProcess.Beans;
import io.opsdesk.inspection.DailyInspectionProcess.Variables;

/**
 * {@code ServiceTask_CheckTarget}, one instance per target: checks it and stores the result in the run. The
 * result stays in the database, not in the process; a check that throws is retried and then an incident.
 */
@ProcessBean(Beans.CHECK_TARGET)
class CheckTargetDelegate implements JavaDelegate {

    private final InspectionService inspection;

    CheckTargetDelegate(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        inspection.checkAndRecord(Variables.runId(execution), Variables.targetName(execution));
    }
}
