package io.opsdesk.release;

import io.opsdesk.engine.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ServiceTask_SendRollbackNotice}, asynchronous: mails the rollback to {@code opsdesk.release.rollback-notice-group}
 * and the requester. A failed send is retried and then stays as an incident.
 */
@ProcessBean("releaseRollbackNotice")
class RollbackNoticeDelegate implements JavaDelegate {

    private final ReleaseMailer mailer;

    RollbackNoticeDelegate(ReleaseMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailer.rollbackNotice(ReleaseTaskListeners.releaseId(execution));
    }
}
