package io.opsdesk.release;

import io.opsdesk.engine.ProcessBean;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.exception.NotValidException;

import io.opsdesk.identity.TaskActor;
import io.opsdesk.release.ReleaseDeliveryProcess.DeploymentCheck;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/**
 * The user tasks of a release: a name and read-only context for each form, then on completion a check of what the
 * form must deliver (so a form edited in the Modeler that forgets a field fails in Tasklist instead of routing
 * wrongly) and the record of the decision. BPMN: {@code ${releaseTasks.decided(task)}}.
 */
@ProcessBean("releaseTasks")
public class ReleaseTaskListeners {

    private final ReleaseService releases;

    ReleaseTaskListeners(ReleaseService releases) {
        this.releases = releases;
    }

    /** {@code create}: "REL-3 · Approve release: 2.4.1" and the release notes as context. */
    public void context(DelegateTask task) {
        long id = releaseId(task);
        Release release = releases.find(id).orElseThrow();
        task.setName(release.key() + " · " + task.getExecution().getCurrentActivityName() + ": " + release.version());
        task.setDescription(release.tickets().size() + (release.tickets().size() == 1 ? " ticket" : " tickets")
                + ", requested by " + release.requestedBy());
        task.setVariableLocal(Variables.RELEASE_CONTEXT, releases.context(id));
    }

    public void decided(DelegateTask task) {
        boolean approved = flag(task, Variables.APPROVED, "say whether the release is approved");
        String comment = text(task, Variables.APPROVAL_COMMENT, !approved, "say why the release is not approved");
        releases.decided(releaseId(task), actor(task), approved, comment);
    }

    public void deployed(DelegateTask task) {
        List<String> unticked = new ArrayList<>();
        for (DeploymentCheck check : DeploymentCheck.values()) {
            if (!Boolean.TRUE.equals(task.getVariable(check.name()))) {
                unticked.add(check.name());
            }
        }
        if (!unticked.isEmpty()) {
            DeploymentCheck first = DeploymentCheck.valueOf(unticked.get(0));
            throw new NotValidException(first.name() + ": confirm that " + first.meaning()
                    + " (unticked: " + String.join(", ", unticked) + "); if the deployment cannot be finished, "
                    + "tick what was done and fail the verification to roll back");
        }
        releases.deployed(releaseId(task), actor(task), text(task, Variables.DEPLOYMENT_NOTES, false, null));
    }

    public void verified(DelegateTask task) {
        boolean passed = flag(task, Variables.VERIFIED, "say whether the release passed verification in production");
        String notes = text(task, Variables.VERIFICATION_NOTES, !passed, "say what failed; the rollback starts from it");
        releases.verified(releaseId(task), actor(task), passed, notes);
    }

    public void rolledBack(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(Variables.ROLLED_BACK))) {
            throw new NotValidException(Variables.ROLLED_BACK + ": confirm that the previous version runs again");
        }
        releases.rolledBack(releaseId(task), actor(task), text(task, Variables.ROLLBACK_NOTES, true,
                "say what was rolled back and how production was checked"));
    }

    /** Execution listener: {@code ${releaseTasks.enter(execution, 'DEPLOYING')}}. */
    public void enter(DelegateExecution execution, String status) {
        releases.enter(releaseId(execution), ReleaseStatus.valueOf(status));
    }

    /** End event listener: {@code ${releaseTasks.finish(execution, 'DELIVERED')}}. */
    public void finish(DelegateExecution execution, String status) {
        releases.finish(releaseId(execution), ReleaseStatus.valueOf(status));
    }

    static long releaseId(VariableScope scope) {
        Object id = scope.getVariable(Variables.RELEASE_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("the process has no " + Variables.RELEASE_ID + ": was the release registered?");
        }
        return number.longValue();
    }

    private static boolean flag(DelegateTask task, String name, String what) {
        Object value = task.getVariable(name);
        if (!(value instanceof Boolean flag)) {
            throw new NotValidException(name + ": " + what);
        }
        return flag;
    }

    private static String text(DelegateTask task, String name, boolean required, String what) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                throw new NotValidException(name + ": " + what);
            }
            return null;
        }
        String text = value.toString().strip();
        if (text.length() > ReleaseService.TEXT_LIMIT) {
            throw new NotValidException(name + ": at most " + ReleaseService.TEXT_LIMIT + " characters, got " + text.length());
        }
        return text;
    }

    private static String actor(DelegateTask task) {
        return TaskActor.of(task, "staff");
    }
}
