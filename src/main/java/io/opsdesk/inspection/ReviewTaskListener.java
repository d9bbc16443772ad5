package io.opsdesk.inspection;

import io.opsdesk.engine.ProcessBean;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.identity.TaskActor;
import io.opsdesk.engine.ProcessText;
import io.opsdesk.inspection.DailyInspectionProcess.Variables;
import io.opsdesk.engine.EngineTime;

/**
 * {@code UserTask_ReviewInspection}: on create, names the task and puts the run's summary into a task-local
 * read-only variable for the form; on complete, stores the review (who, when, comment, checklist) on the run.
 */
@ProcessBean("inspectionReview")
class ReviewTaskListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InspectionService inspection;

    ReviewTaskListener(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    public void notify(DelegateTask task) {
        long runId = ((Number) task.getVariable(Variables.RUN_ID)).longValue();
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            inspection.recordReview(runId, TaskActor.of(task, "unknown"), EngineTime.now(), comment(task), checklist(task));
            return;
        }
        InspectionRun run = inspection.run(runId);
        task.setName("Review inspection run " + runId + ": " + run.okCount() + " OK, " + run.warningCount() + " warning, "
                + run.failedCount() + " failed");
        task.setVariableLocal(Variables.SUMMARY, summary(run, task));
    }

    private static String summary(InspectionRun run, DelegateTask task) {
        StringBuilder text = new StringBuilder()
                .append("Run ").append(run.id()).append(" (").append(run.triggeredBy()).append("), started ")
                .append(run.startedAt()).append('\n')
                .append(run.okCount()).append(" OK · ").append(run.warningCount()).append(" warning · ")
                .append(run.failedCount()).append(" failed · ").append(run.findingCount()).append(" findings\n\n");
        run.results().forEach(result -> text.append(result.status()).append("  ").append(result.target())
                .append(": ").append(result.message()).append('\n'));
        Object opened = task.getVariable(Variables.NEW_TICKET_COUNT);
        Object updated = task.getVariable(Variables.UPDATED_TICKET_COUNT);
        text.append("\nTickets: ").append(opened).append(" opened, ").append(updated).append(" updated\n");
        Object lines = task.getVariable(Variables.TICKET_LINES);
        if (lines != null && !lines.toString().isBlank()) {
            text.append(lines).append('\n');
        }
        return ProcessText.fit(text);
    }

    private static String comment(DelegateTask task) {
        Object comment = task.getVariable(Variables.REVIEW_COMMENT);
        return comment == null || comment.toString().isBlank() ? null : comment.toString();
    }

    /** The checklist as JSON, every item present: unchecked or left out is false. */
    private static String checklist(DelegateTask task) {
        Map<String, Boolean> items = new LinkedHashMap<>();
        DailyInspectionProcess.CHECKLIST.forEach(item -> items.put(item, Boolean.TRUE.equals(task.getVariable(item))));
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
