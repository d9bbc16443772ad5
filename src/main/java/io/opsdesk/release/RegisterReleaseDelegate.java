package io.opsdesk.release;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.release.ReleaseDeliveryProcess.Beans;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/**
 * {@code ServiceTask_RegisterRelease}, in the start's transaction: a request Tasklist's start form or the API gave
 * that names no waiting ticket is refused there and then, and nothing is started. Registers the release with its
 * notes, makes {@code REL-<id>} the business key and tells the supervisors' team chat it waits for approval.
 */
@ProcessBean(Beans.REGISTER)
class RegisterReleaseDelegate implements JavaDelegate {

    private final ReleaseService releases;
    private final ReleaseChat chat;

    RegisterReleaseDelegate(ReleaseService releases, ReleaseChat chat) {
        this.releases = releases;
        this.chat = chat;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Release release;
        try {
            release = releases.register(Variables.text(execution, Variables.VERSION).orElse(null),
                    Variables.text(execution, Variables.SUMMARY).orElse(null), Variables.ticketKeys(execution),
                    Variables.text(execution, Variables.INITIATOR).orElse("unknown"), execution.getProcessInstanceId());
        } catch (InvalidReleaseException e) {
            throw new NotValidException(Variables.startField(e.field()) + ": " + e.getMessage());
        }
        execution.setProcessBusinessKey(release.key());
        execution.setVariable(Variables.RELEASE_ID, release.id());
        execution.setVariable(Variables.RELEASE_KEY, release.key());
        execution.setVariable(Variables.VERSION, release.version());
        execution.setVariable(Variables.TICKET_KEYS, new ArrayList<>(release.ticketKeys()));
        chat.awaitingApproval(release);
    }
}
