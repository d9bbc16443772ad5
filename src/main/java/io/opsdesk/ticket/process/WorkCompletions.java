package io.opsdesk.ticket.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessValues;
import io.opsdesk.identity.TaskActor;
import io.opsdesk.ticket.TicketRecord;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/** Completion of the simple work tasks: what the form says goes onto the ticket's timeline. */
@Configuration(proxyBeanMethods = false)
class WorkCompletions {

    @Bean @ProcessBean(Beans.RESOLVED_IN_SUPPORT)
    TaskListener resolvedInSupport(TicketRecord record, ProblemLinkForm problem) {
        return task -> {
            record.resolvedInSupport(task.getExecution().getProcessBusinessKey(),
                    ProcessValues.of(task).requiredText(Variables.RESOLUTION), TaskActor.of(task, "staff"));
            problem.link(task);
        };
    }

    /** A linked problem was fixed ({@code ProblemFixed}): its fix becomes the resolution the customer is told. */
    @Bean @ProcessBean(Beans.RESOLVED_BY_PROBLEM)
    JavaDelegate resolvedByProblem(TicketRecord record) {
        return execution -> {
            ProcessValues values = ProcessValues.of(execution);
            record.resolvedByProblem(execution.getProcessBusinessKey(), values.requiredText(Variables.PROBLEM_KEY),
                    values.requiredText(Variables.PROBLEM_FIX));
        };
    }

    /** This implementation answers the last findings: the next verification starts without them. */
    @Bean @ProcessBean(Beans.FIX_IMPLEMENTED)
    TaskListener fixImplemented(TicketRecord record) {
        return task -> {
            record.implemented(task.getExecution().getProcessBusinessKey(),
                    ProcessValues.of(task).requiredText(Variables.IMPLEMENTATION_NOTES), TaskActor.of(task, "staff"));
            task.getExecution().removeVariable(Variables.VERIFICATION_FINDINGS);
        };
    }
}
