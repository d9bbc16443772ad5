package io.opsdesk.chat;

import java.time.Clock;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The team-chat beans; the robots are checked here, at start-up, and a bad setting stops the start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TeamChatProperties.class)
class TeamChatConfiguration {

    @Bean
    ChatRobots chatRobots(TeamChatProperties properties) {
        ChatRobots robots = ChatRobots.from(properties);
        LoggerFactory.getLogger(TeamChat.class).info(robots.isEmpty()
                ? "No team-chat robots configured (opsdesk.team-chat.robots): nothing is posted to group chats"
                : "Team-chat robots: {}", robots);
        return robots;
    }

    @Bean
    TeamChat teamChat(ChatRobots robots, RuntimeService runtime) {
        return new TeamChat(robots, runtime);
    }

    @Bean
    ChatLinks chatLinks(@Value("${opsdesk.public-url}") String publicUrl) {
        return new ChatLinks(publicUrl);
    }

    @Bean
    ChatDelivery chatDelivery(ChatRobots robots, TeamChatProperties properties, ObjectMapper json, TaskService tasks,
                              ChatLinks links) {
        return new ChatDelivery(robots, new ChatPayloads(json, Clock.systemUTC()),
                new RobotClient(properties.getTimeout(), json), tasks, links);
    }

    @Bean
    TeamChatForms teamChatForms() {
        return new TeamChatForms();
    }
}
