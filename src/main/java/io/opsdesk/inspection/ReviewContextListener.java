package io.opsdesk.inspection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessText;
import io.opsdesk.inspection.DailyInspectionProcess.Beans;
import io.opsdesk.inspection.DailyInspectionProcess.Variables;

/**
 * {@code create} of {@code UserTask_ReviewInspection}: names the task with the run's counts and puts the run's
 * summary, with the tickets it opened or updated, into a task-local read-only variable for the form.
 */
@ProcessBean(Beans.REVIEW_CONTEXT)
class ReviewContextListener implements TaskListener {

    private final InspectionService inspection;

    ReviewContextListener(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    public void notify(DelegateTask task) {
        InspectionRun run = inspection.run(Variables.runId(task));
        task.setName("Review inspection run " + run.id() + ": " + run.okCount() + " OK, " + run.warningCount() + " warning, "
                + run.failedCount() + " failed");
        StringBuilder text = new StringBuilder(run.summary())
                .append("\nTickets: ").append(Variables.text(task, Variables.NEW_TICKET_COUNT).orElse("0")).append(" opened, ")
                .append(Variables.text(task, Variables.UPDATED_TICKET_COUNT).orElse("0")).append(" updated\n");
        Variables.text(task, Variables.TICKET_LINES).ifPresent(lines -> text.append(lines).append('\n'));
        task.setVariableLocal(Variables.SUMMARY, ProcessText.fit(text));
    }
}
