package io.opsdesk.ticket.process;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.TaskCandidates;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * A supervisor hands a ticket's open work (not the escalation tasks) to another person, who must exist and be
 * in the candidate groups of every task handed over.
 */
@Component
class Reassignment {

    private static final Set<String> ESCALATION_TASKS = Set.of(Elements.HANDLE_FIRST_RESPONSE_BREACH,
            Elements.HANDLE_RESOLUTION_BREACH);

    private final IdentityService identity;
    private final TaskService tasks;

    Reassignment(IdentityService identity, TaskService tasks) {
        this.identity = identity;
        this.tasks = tasks;
    }

    /** Reassigns the open work of {@code task}'s ticket to {@code user}; returns the user. */
    String reassign(DelegateTask task, String user) {
        if (identity.createUserQuery().userId(user).count() == 0) {
            throw new NotValidException(Variables.REASSIGN_TO + ": 没有用户 '" + user + "' / there is no user '" + user + "'");
        }
        List<Task> open = tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list().stream()
                .filter(other -> !other.getId().equals(task.getId()) && !ESCALATION_TASKS.contains(other.getTaskDefinitionKey()))
                .toList();
        if (open.isEmpty()) {
            throw new NotValidException(Variables.REASSIGN_TO + ": 工单没有可改派的未完成任务，请改为备注 / the ticket has no open task to reassign; comment instead");
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        for (Task other : open) {
            Set<String> candidates = TaskCandidates.groups(tasks.getIdentityLinksForTask(other.getId()));
            if (!candidates.isEmpty() && candidates.stream().noneMatch(groups::contains)) {
                throw new NotValidException(Variables.REASSIGN_TO + ": '" + user + "' 不在 " + candidates + " 中 / is not in " + candidates
                        + ", who work '" + other.getName() + "'");
            }
        }
        open.forEach(other -> tasks.setAssignee(other.getId(), user));
        return user;
    }
}
