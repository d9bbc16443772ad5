package io.opsdesk.chat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsdesk.chat.TeamChatProcess.Variables;

/**
 * Tells a staff group something in its chat (WeCom, DingTalk or Feishu group robot). {@link #announce} starts a
 * {@code team-chat-message} process in the caller's transaction; its asynchronous step posts the message, so a
 * robot that fails is retried on {@code opsdesk.jobs.retry-schedule} and then shows as an incident in Cockpit,
 * and nothing is posted for a step that rolled back. A group without a robot gets nothing.
 */
public class TeamChat {

    private static final Logger LOG = LoggerFactory.getLogger(TeamChat.class);

    private final ChatRobots robots;
    private final RuntimeService runtime;

    TeamChat(ChatRobots robots, RuntimeService runtime) {
        this.robots = robots;
        this.runtime = runtime;
    }

    /** Whether the group has a robot; without one {@link #announce} does nothing. */
    public boolean reaches(String group) {
        return robots.of(group).isPresent();
    }

    public void announce(String group, ChatMessage message) {
        if (!reaches(group)) {
            LOG.debug("No team-chat robot for {}: '{}' not posted", group, message.title());
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.GROUP, group);
        variables.put(Variables.TITLE, message.title());
        variables.put(Variables.TEXT, message.text());
        if (message.link() != null) {
            variables.put(Variables.LINK, message.link());
        }
        if (message.openTaskOf() != null) {
            variables.put(Variables.TASK_OF, message.openTaskOf());
        }
        runtime.startProcessInstanceByKey(TeamChatProcess.KEY, variables);
    }
}
