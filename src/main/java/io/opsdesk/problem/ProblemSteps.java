package io.opsdesk.problem;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsdesk.domain.DomainException;
import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessValues;
import io.opsdesk.problem.ProblemProcess.Beans;
import io.opsdesk.problem.ProblemProcess.Variables;

/** The steps of {@code problem.bpmn}: thin adapters that read the form or variables and call the service. */
@Configuration(proxyBeanMethods = false)
class ProblemSteps {

    /** Stores the problem in the start's transaction; a refused title or system names the start form's field. */
    @Bean @ProcessBean(Beans.RECORD)
    JavaDelegate problemRecord(ProblemService problems) {
        return execution -> {
            ProcessValues values = ProcessValues.of(execution);
            Problem problem = refusedAsForm(() -> problems.register(values.text(Variables.TITLE), values.text(Variables.SYSTEM),
                    values.value(Variables.INITIATOR, String.class).orElse("unknown"), execution.getProcessInstanceId()));
            execution.setProcessBusinessKey(problem.key());
            execution.setVariable(Variables.PROBLEM_KEY, problem.key());
        };
    }

    @Bean @ProcessBean(Beans.TASK_CONTEXT)
    TaskListener problemTaskContext(ProblemService problems, ProblemTaskText text) {
        return task -> {
            Problem problem = problems.get(key(task));
            task.setName(text.title(problem, task.getExecution().getCurrentActivityName()));
            task.setDescription(problem.system());
            task.setVariableLocal(Variables.PROBLEM_CONTEXT, text.of(problem));
        };
    }

    @Bean @ProcessBean(Beans.KNOWN_ERROR)
    TaskListener problemKnownError(ProblemService problems) {
        return task -> refusedAsForm(() -> {
            ProcessValues form = ProcessValues.of(task);
            problems.knownError(key(task), form.text(Variables.ROOT_CAUSE), form.text(Variables.WORKAROUND));
            return null;
        });
    }

    @Bean @ProcessBean(Beans.FIXED)
    TaskListener problemFixed(ProblemService problems) {
        return task -> refusedAsForm(() -> {
            problems.fixed(key(task), ProcessValues.of(task).text(Variables.FIX));
            return null;
        });
    }

    /** Asynchronous: a ticket that cannot move on fails the job, which is retried and then an incident. */
    @Bean @ProcessBean(Beans.MOVE_TICKETS_ON)
    JavaDelegate problemTicketsMoveOn(LinkedTicketsMoveOn tickets) {
        return execution -> tickets.moveOn(execution.getProcessBusinessKey());
    }

    private static String key(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    private static <T> T refusedAsForm(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (DomainException refused) {
            String field = refused.field() == null ? "" : switch (refused.field()) {
                case "title" -> Variables.TITLE;
                case "system" -> Variables.SYSTEM;
                default -> refused.field();
            } + ": ";
            throw new NotValidException(field + refused.getMessage());
        }
    }
}
