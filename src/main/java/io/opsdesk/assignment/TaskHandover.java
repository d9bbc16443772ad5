package io.opsdesk.assignment;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.CandidateGroupOrder;
import io.opsdesk.engine.TaskCandidates;

/**
 * Hands on the open tasks of someone who went away: each task whose first candidate group assigns automatically
 * goes to the next available member by the group's strategy, or back to the group's queue when nobody is
 * available. Tasks of groups that do not assign, and tasks without groups, stay where they are.
 */
@Component
class TaskHandover {

    /** How many tasks went to someone else, and how many back to their queue. */
    record Handover(int reassigned, int returnedToQueue) {
    }

    private final TaskService tasks;
    private final RepositoryService repository;
    private final AssigneePicker picker;

    TaskHandover(TaskService tasks, RepositoryService repository, AssigneePicker picker) {
        this.tasks = tasks;
        this.repository = repository;
        this.picker = picker;
    }

    Handover handOver(String user) {
        int reassigned = 0;
        int returned = 0;
        for (Task task : tasks.createTaskQuery().taskAssignee(user).active().orderByTaskCreateTime().asc().list()) {
            List<String> groups = CandidateGroupOrder.ordered(
                    TaskCandidates.groups(tasks.getIdentityLinksForTask(task.getId())), declaredGroups(task));
            if (groups.isEmpty() || !picker.assigns(groups.get(0))) {
                continue;
            }
            Optional<String> next = picker.pick(groups.get(0), Set.of(user));
            tasks.setAssignee(task.getId(), next.orElse(null));
            if (next.isPresent()) {
                reassigned++;
            } else {
                returned++;
            }
        }
        return new Handover(reassigned, returned);
    }

    /** The model's camunda:candidateGroups text of the task, which says which group is first. */
    private String declaredGroups(Task task) {
        if (task.getProcessDefinitionId() == null) {
            return null;
        }
        return repository.getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey())
                instanceof UserTask userTask ? userTask.getCamundaCandidateGroups() : null;
    }
}
