package io.opsdesk.chat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an announced message to its group's robot, now: the link to "the open task of" a process instance is
 * looked up first (Tasklist's page of that task when there is exactly one, else the fallback link). Called by the
 * {@code team-chat-message} process's asynchronous step; every failure propagates.
 */
public class ChatDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ChatDelivery.class);

    private final ChatRobots robots;
    private final ChatPayloads payloads;
    private final RobotClient client;
    private final TaskService tasks;
    private final ChatLinks links;

    ChatDelivery(ChatRobots robots, ChatPayloads payloads, RobotClient client, TaskService tasks, ChatLinks links) {
        this.robots = robots;
        this.payloads = payloads;
        this.client = client;
        this.tasks = tasks;
        this.links = links;
    }

    public void deliver(String group, ChatMessage message) {
        // announced while the group had a robot; if it was removed since, the incident says so
        ChatRobot robot = robots.of(group).orElseThrow(() -> new ChatDeliveryException("the staff group " + group
                + " has no team-chat robot any more (opsdesk.team-chat.robots." + group + "); message '" + message.title() + "'"));
        ChatMessage resolved = message.openTaskOf() == null ? message : message.withLink(taskLink(message));
        client.post(robot, payloads.of(robot, resolved));
        LOG.info("Team chat: '{}' posted to {}", message.title(), robot);
    }

    private String taskLink(ChatMessage message) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(message.openTaskOf()).active().list();
        if (open.size() == 1) {
            return links.task(open.get(0).getId());
        }
        return message.link() != null ? message.link() : links.tasklist();
    }
}
