package io.opsdesk.inspection;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.engine.ProcessBean;
import io.opsdesk.identity.TaskActor;
import io.opsdesk.inspection.DailyInspectionProcess.Beans;
import io.opsdesk.inspection.DailyInspectionProcess.Variables;

/** {@code complete} of {@code UserTask_ReviewInspection}: stores who reviewed, when, the comment and the checklist. */
@ProcessBean(Beans.REVIEW_RECORD)
class ReviewRecordListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InspectionService inspection;

    ReviewRecordListener(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    public void notify(DelegateTask task) {
        // the checklist as JSON, every item present: unchecked or left out is false
        Map<String, Boolean> items = new LinkedHashMap<>();
        DailyInspectionProcess.CHECKLIST.forEach(item -> items.put(item, Variables.ticked(task, item)));
        try {
            inspection.recordReview(Variables.runId(task), TaskActor.of(task, "unknown"), EngineTime.now(),
                    Variables.text(task, Variables.REVIEW_COMMENT).orElse(null), JSON.writeValueAsString(items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
