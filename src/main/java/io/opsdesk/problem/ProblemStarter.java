package io.opsdesk.problem;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.opsdesk.problem.ProblemProcess.Variables;

/** Starts {@code problem.bpmn} for a new problem, in the caller's transaction; its record step stores it. */
@Component
class ProblemStarter {

    private final RuntimeService runtime;
    private final IdentityService identity;

    ProblemStarter(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    /** The new problem's key; the title and system are checked first, so a refusal names the API's field. */
    String start(String title, String system, String actor) {
        List<String> checked = ProblemService.check(title, system);
        // inside an engine command of a logged-in person (a ticket's form), the engine's start guard wants them as initiator
        Authentication current = identity.getCurrentAuthentication();
        String initiator = current == null || current.getUserId() == null ? actor : current.getUserId();
        return (String) runtime.createProcessInstanceByKey(ProblemProcess.KEY)
                .setVariables(Map.of(Variables.TITLE, checked.get(0), Variables.SYSTEM, checked.get(1), Variables.INITIATOR, initiator))
                .executeWithVariablesInReturn().getVariables().get(Variables.PROBLEM_KEY);
    }
}
