package io.opsdesk.release;

import io.opsdesk.engine.ProcessBean;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.release.ReleaseDeliveryProcess.Variables;
import io.opsdesk.engine.EngineTime;

/**
 * {@code ServiceTask_PlanMaintenanceWindow}: picks the maintenance window that is open now or opens next; the timer
 * after it waits for {@code windowStart} (move it in Cockpit to deploy at another time).
 */
@ProcessBean("releasePlanWindow")
class PlanWindowDelegate implements JavaDelegate {

    private final MaintenanceWindow window;
    private final ReleaseService releases;

    PlanWindowDelegate(MaintenanceWindow window, ReleaseService releases) {
        this.window = window;
        this.releases = releases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MaintenanceWindow.Opening opening = window.next(EngineTime.now());
        releases.planned(ReleaseTaskListeners.releaseId(execution), opening);
        execution.setVariable(Variables.WINDOW_START, Date.from(opening.start()));
        execution.setVariable(Variables.WINDOW_END, Date.from(opening.end()));
    }
}
