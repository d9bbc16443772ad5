package io.opsdesk.engine;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.ObjectProvider;

/**
 * On every new user task with candidate groups and no assignee: asks the {@link TaskAssignmentPolicy} whom to
 * give it to. Runs before the model's own create listeners, so they see the assignee, and the engine fires the
 * task's {@code assignment} event after them. The policy reads groups and tasks as OpsDesk, not as the person
 * whose action created the task.
 */
final class AutoAssignListener implements TaskListener {

    private final String declaredGroups;
    private final ObjectProvider<TaskAssignmentPolicy> policy;

    AutoAssignListener(String declaredGroups, ObjectProvider<TaskAssignmentPolicy> policy) {
        this.declaredGroups = declaredGroups;
        this.policy = policy;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskAssignmentPolicy assignments = policy.getIfAvailable();
        if (task.getAssignee() != null || assignments == null) {
            return;
        }
        List<String> groups = CandidateGroupOrder.ordered(TaskCandidates.groups(task.getCandidates()), declaredGroups);
        if (groups.isEmpty()) {
            return;
        }
        String assignee = Context.getCommandContext().runWithoutAuthorization(() -> assignments.assigneeOf(groups));
        if (assignee != null) {
            task.setAssignee(assignee);
        }
    }
}
