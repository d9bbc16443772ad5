package io.opsdesk.identity;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is completing a task: the logged-in user (Tasklist, engine-rest), else the task's assignee. */
public final class TaskActor {

    private TaskActor() {
    }

    /** The user id, or {@code fallback} when the task is completed by code without a user and unassigned. */
    public static String of(DelegateTask task, String fallback) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : fallback;
    }
}
