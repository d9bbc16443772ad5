package io.opsdesk.ticket.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.monitoring.OpsDeskMetrics;
import io.opsdesk.notification.StaffNotifier;
import io.opsdesk.sla.SlaClock;
import io.opsdesk.sla.SlaClocks;
import io.opsdesk.sla.SlaStep;
import io.opsdesk.ticket.TicketRecord;
import io.opsdesk.ticket.TicketSla;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/** The six ladder steps as named beans: one per clock and step, so the BPMN names each without arguments. */
@Configuration(proxyBeanMethods = false)
class SlaStepBeans {

    @Bean
    SlaStepDelegate.Parts slaStepParts(TicketSla sla, SlaClocks clocks, TicketRecord record, StaffNotifier staff,
                                       TicketChat chat, OpsDeskMetrics metrics) {
        return new SlaStepDelegate.Parts(sla, clocks, record, staff, chat, metrics);
    }

    @Bean
    @ProcessBean(Beans.FIRST_RESPONSE_WARNING)
    JavaDelegate slaFirstResponseWarning(SlaStepDelegate.Parts parts) {
        return new SlaStepDelegate(SlaClock.FIRST_RESPONSE, SlaStep.WARNING, null, parts);
    }

    @Bean
    @ProcessBean(Beans.FIRST_RESPONSE_BREACH)
    JavaDelegate slaFirstResponseBreach(SlaStepDelegate.Parts parts) {
        return new SlaStepDelegate(SlaClock.FIRST_RESPONSE, SlaStep.BREACH, Variables.FIRST_RESPONSE_BREACH_ESCALATED, parts);
    }

    @Bean
    @ProcessBean(Beans.FIRST_RESPONSE_ESCALATION)
    JavaDelegate slaFirstResponseEscalation(SlaStepDelegate.Parts parts) {
        return new SlaStepDelegate(SlaClock.FIRST_RESPONSE, SlaStep.ESCALATION, null, parts);
    }

    @Bean
    @ProcessBean(Beans.RESOLUTION_WARNING)
    JavaDelegate slaResolutionWarning(SlaStepDelegate.Parts parts) {
        return new SlaStepDelegate(SlaClock.RESOLUTION, SlaStep.WARNING, null, parts);
    }

    @Bean
    @ProcessBean(Beans.RESOLUTION_BREACH)
    JavaDelegate slaResolutionBreach(SlaStepDelegate.Parts parts) {
        return new SlaStepDelegate(SlaClock.RESOLUTION, SlaStep.BREACH, Variables.RESOLUTION_BREACH_ESCALATED, parts);
    }

    @Bean
    @ProcessBean(Beans.RESOLUTION_ESCALATION)
    JavaDelegate slaResolutionEscalation(SlaStepDelegate.Parts parts) {
        return new SlaStepDelegate(SlaClock.RESOLUTION, SlaStep.ESCALATION, null, parts);
    }
}
