package io.opsdesk.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.release.ReleaseDeliveryProcess.Beans;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/**
 * {@code ServiceTask_SendRollbackNotice}, asynchronous: mails the rollback to {@code opsdesk.release.rollback-notice-group}
 * and the requester. A failed send is retried and then stays as an incident.
 */
@ProcessBean(Beans.ROLLBACK_NOTICE)
class RollbackNoticeDelegate implements JavaDelegate {

    private final ReleaseMailer mailer;

    RollbackNoticeDelegate(ReleaseMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailer.rollbackNotice(Variables.releaseId(execution));
    }
}
