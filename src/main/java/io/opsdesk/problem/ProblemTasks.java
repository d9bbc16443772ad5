package io.opsdesk.problem;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.domain.DomainException;

/**
 * The problem's steps through the API: completes its open task as the caller would in Tasklist, so the same task
 * listeners check and record the form; a refusal there comes back as a {@link DomainException} naming the field.
 */
@Component
class ProblemTasks {

    private final TaskService tasks;

    ProblemTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    /** One transaction: a refused form leaves the task as it was, unassigned included. */
    @Transactional
    void complete(String problemKey, String taskDefinitionKey, String actor, Map<String, Object> form) {
        Task task = tasks.createTaskQuery().processDefinitionKey(ProblemProcess.KEY).processInstanceBusinessKey(problemKey)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        if (task == null) {
            throw DomainException.conflict("problem " + problemKey + " is not at this step now");
        }
        tasks.setAssignee(task.getId(), actor);
        try {
            tasks.complete(task.getId(), form);
        } catch (ProcessEngineException failed) {
            // the engine wraps what a task listener throws; a form refusal is a NotValidException "field: message"
            Throwable cause = failed;
            while (cause != null && !(cause instanceof NotValidException)) {
                cause = cause.getCause();
            }
            if (cause == null) {
                throw failed;
            }
            String message = cause.getMessage();
            int colon = message.indexOf(": ");
            throw colon > 0 && colon < 40 ? DomainException.invalid(message.substring(0, colon), message.substring(colon + 2))
                    : DomainException.invalid(null, message);
        }
    }
}
