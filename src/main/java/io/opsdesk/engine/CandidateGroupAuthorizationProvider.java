package io.opsdesk.engine;

import java.util.Set;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda gives whoever a task is assigned to the right to work it. OpsDesk gives it only to an assignee who
 * belongs to one of the task's candidate groups (or to any assignee of a task without groups): a supervisor may
 * (re)assign a support task, but assigning it to herself or to a developer does not let either complete it.
 */
final class CandidateGroupAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        return newAssignee == null || inCandidateGroups(task, newAssignee)
                ? super.newTaskAssignee(task, oldAssignee, newAssignee) : null;
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        return newOwner == null || inCandidateGroups(task, newOwner) ? super.newTaskOwner(task, oldOwner, newOwner) : null;
    }

    private static boolean inCandidateGroups(Task task, String user) {
        Set<String> candidates = TaskCandidates.groups(((TaskEntity) task).getCandidates());
        if (candidates.isEmpty()) {
            return true;
        }
        return Context.getCommandContext().getReadOnlyIdentityProvider().createGroupQuery().groupMember(user).list()
                .stream().map(Group::getId).anyMatch(candidates::contains);
    }
}
