package io.opsdesk.problem;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.opsdesk.engine.FormContract;
import io.opsdesk.problem.ProblemProcess.Variables;

/** The fields of the problem's forms that its task listeners read. */
@Component
class ProblemForms implements FormContract {

    @Override
    public Map<String, Set<String>> requiredFields() {
        return Map.of("report-problem", Set.of(Variables.TITLE, Variables.SYSTEM),
                "investigate-problem", Set.of(Variables.ROOT_CAUSE, Variables.WORKAROUND),
                "fix-problem", Set.of(Variables.FIX));
    }
}
