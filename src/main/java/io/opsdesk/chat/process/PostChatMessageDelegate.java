package io.opsdesk.chat.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.chat.ChatDelivery;
import io.opsdesk.chat.ChatMessage;
import io.opsdesk.chat.TeamChatProcess.Beans;
import io.opsdesk.chat.TeamChatProcess.Variables;
import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessValues;

/**
 * {@code ServiceTask_PostToGroupRobot} (asynchronous): posts the announced message to the group's robot. A robot
 * that fails throws, so the job is retried on {@code opsdesk.jobs.retry-schedule} and then is an incident.
 */
@ProcessBean(Beans.SEND)
class PostChatMessageDelegate implements JavaDelegate {

    private final ChatDelivery delivery;

    PostChatMessageDelegate(ChatDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues values = ProcessValues.of(execution);
        String text = values.text(Variables.TEXT);
        List<String> lines = text == null ? List.of() : text.lines().toList();
        delivery.deliver(values.requiredText(Variables.GROUP), new ChatMessage(values.requiredText(Variables.TITLE),
                lines, values.text(Variables.LINK), values.text(Variables.TASK_OF)));
    }
}
