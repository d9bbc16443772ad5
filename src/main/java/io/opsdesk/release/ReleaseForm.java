package io.opsdesk.release;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NotValidException;

import io.opsdesk.identity.TaskActor;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;

/**
 * What a completed release form must deliver, checked before anything is recorded, so that a form edited in the
 * Modeler that forgets a field fails in Tasklist instead of routing wrongly.
 */
final class ReleaseForm {

    private ReleaseForm() {
    }

    /** A yes/no field that must be answered. */
    static boolean flag(DelegateTask task, String name, String what) {
        return Variables.flag(task, name).orElseThrow(() -> new NotValidException(name + ": " + what));
    }

    /** A text field, stripped; null when empty and not {@code required}. */
    static String text(DelegateTask task, String name, boolean required, String what) {
        String text = Variables.text(task, name).map(String::strip).filter(value -> !value.isEmpty()).orElse(null);
        if (text == null) {
            if (required) {
                throw new NotValidException(name + ": " + what);
            }
            return null;
        }
        if (text.length() > ReleaseService.TEXT_LIMIT) {
            throw new NotValidException(name + ": 最多 " + ReleaseService.TEXT_LIMIT + " 个字符，实际 " + text.length() + " / at most " + ReleaseService.TEXT_LIMIT + " characters, got " + text.length());
        }
        return text;
    }

    /** Who completed the task. */
    static String actor(DelegateTask task) {
        return TaskActor.of(task, "staff");
    }
}
