package io.opsdesk.release;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.release.ReleaseDeliveryProcess.Beans;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/**
 * {@code create} of every user task of a release: names the task ("REL-3 · Approve release: 2.4.1") and puts the
 * release notes, the window and what was done so far into a task-local read-only variable for the form.
 */
@ProcessBean(Beans.TASK_CONTEXT)
class TaskContextListener implements TaskListener {

    private final ReleaseService releases;
    private final ReleaseTexts texts;

    TaskContextListener(ReleaseService releases, ReleaseTexts texts) {
        this.releases = releases;
        this.texts = texts;
    }

    @Override
    public void notify(DelegateTask task) {
        Release release = releases.find(Variables.releaseId(task)).orElseThrow();
        task.setName(release.key() + " · " + task.getExecution().getCurrentActivityName() + "：" + release.version());
        task.setDescription(release.tickets().size() + (release.tickets().size() == 1 ? " ticket" : " tickets")
                + ", requested by " + release.requestedBy());
        task.setVariableLocal(Variables.RELEASE_CONTEXT, texts.context(release));
    }
}
