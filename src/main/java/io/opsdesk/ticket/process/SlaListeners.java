package io.opsdesk.ticket.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessValues;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/** The resolution clock's steps in the BPMN: pause and resume around the customer's answer, reopen, new priority. */
@Configuration(proxyBeanMethods = false)
class SlaListeners {

    @Bean
    @ProcessBean(Beans.PAUSE_RESOLUTION_CLOCK)
    ExecutionListener pauseResolutionClock(ResolutionClock clock) {
        return execution -> clock.pause(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }

    @Bean
    @ProcessBean(Beans.RESUME_RESOLUTION_CLOCK)
    ExecutionListener resumeResolutionClock(ResolutionClock clock) {
        return execution -> clock.resume(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }

    @Bean
    @ProcessBean(Beans.REOPEN_RESOLUTION_CLOCK)
    JavaDelegate reopenResolutionClock(ResolutionClock clock) {
        return execution -> clock.reopen(execution.getProcessBusinessKey());
    }

    /** After the priority decision: new targets if the priority changed them. */
    @Bean
    @ProcessBean(Beans.REPRIORITISE_SLA)
    ExecutionListener reprioritiseSla(ResolutionClock clock) {
        return (DelegateExecution execution) -> clock.reprioritise(execution.getProcessInstanceId(),
                execution.getProcessBusinessKey(), ProcessValues.of(execution).string(Variables.PRIORITY));
    }
}
