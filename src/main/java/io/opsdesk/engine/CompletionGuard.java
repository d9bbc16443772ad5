package io.opsdesk.engine;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Only a member of a task's candidate groups completes it (or, for a task without groups, its assignee).
 * Camunda gives an assignee full rights on a task, so without this a supervisor could assign a support task
 * to herself and complete it. OpsDesk's own code and administrators are not checked.
 */
final class CompletionGuard implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        CommandContext command = Context.getCommandContext();
        String user = command.getAuthenticatedUserId();
        List<String> groups = command.getAuthenticatedGroupIds();
        if (user == null || StartGuard.isAdmin(groups)) {
            return;
        }
        Set<String> candidates = TaskCandidates.groups(task.getCandidates());
        boolean allowed = candidates.isEmpty()
                ? user.equals(task.getAssignee())
                : groups != null && groups.stream().anyMatch(candidates::contains);
        if (!allowed) {
            throw new AuthorizationException(user + " may not complete '" + task.getName() + "' (" + task.getId()
                    + "): it belongs to " + (candidates.isEmpty() ? "its assignee" : "the group(s) " + candidates)
                    + "; assign it to one of them instead");
        }
    }
}
