package io.opsdesk.ticket.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessValues;
import io.opsdesk.identity.Groups;
import io.opsdesk.identity.TaskActor;
import io.opsdesk.ticket.TicketRecord;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/** A supervisor named the developer (who must be in the development group) and agreed a delivery date. */
@ProcessBean(Beans.DEVELOPER_ASSIGNED)
class DeveloperAssignedListener implements TaskListener {

    private final TicketRecord record;
    private final IdentityService identity;
    private final AgreedDelivery agreedDelivery;

    DeveloperAssignedListener(TicketRecord record, IdentityService identity, AgreedDelivery agreedDelivery) {
        this.record = record;
        this.identity = identity;
        this.agreedDelivery = agreedDelivery;
    }

    @Override
    public void notify(DelegateTask task) {
        String developer = ProcessValues.of(task).requiredText(Variables.DEVELOPER).trim();
        if (identity.createUserQuery().userId(developer).memberOfGroup(Groups.DEVELOPMENT).count() == 0) {
            throw new NotValidException("developer: '" + developer + "' 不是开发组成员 / is not a member of the development group");
        }
        task.getExecution().setVariable(Variables.DEVELOPER, developer);
        LocalDate agreed = agreedDelivery.read(task, true);
        record.developerAssigned(task.getExecution().getProcessBusinessKey(), developer, agreed, TaskActor.of(task, "staff"));
    }
}
