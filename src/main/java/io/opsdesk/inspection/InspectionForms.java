package io.opsdesk.inspection;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.opsdesk.engine.FormContract;

/** The fields of the review form that {@link ReviewTaskListener} reads: the checklist and the comment. */
@Component
class InspectionForms implements FormContract {

    @Override
    public Map<String, Set<String>> requiredFields() {
        Set<String> review = new HashSet<>(DailyInspectionProcess.CHECKLIST);
        review.add(DailyInspectionProcess.Variables.REVIEW_COMMENT);
        return Map.of(DailyInspectionProcess.REVIEW_FORM, review);
    }

    /** a run started from Tasklist may name the targets it checks */
    @Override
    public Map<String, Set<String>> startVariables() {
        return Map.of(DailyInspectionProcess.KEY, Set.of(DailyInspectionProcess.Variables.TARGET_NAMES));
    }
}
