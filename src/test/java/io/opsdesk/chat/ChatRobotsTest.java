package io.opsdesk.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The robot settings, checked when OpsDesk starts (in a minimal context, no engine): a bad one stops the start
 * with a message naming the setting, none at all means nothing is announced, and the documented environment
 * variables set them.
 */
class ChatRobotsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(TeamChatConfiguration.class)
            .withBean(ObjectMapper.class, ObjectMapper::new)
            .withBean(RuntimeService.class, () -> mock(RuntimeService.class))
            .withBean(TaskService.class, () -> mock(TaskService.class))
            .withPropertyValues("opsdesk.public-url=http://opsdesk.test");

    @Test
    void withoutRobotsNothingIsAnnouncedAndNothingFails() {
        context.run(run -> {
            assertThat(run).hasNotFailed();
            assertThat(run.getBean(ChatRobots.class).isEmpty()).isTrue();
            run.getBean(TeamChat.class).announce("support", ChatMessage.of("标题", List.of(), null));
            verifyNoInteractions(run.getBean(RuntimeService.class));
        });
    }

    @Test
    void anUnknownPlatformStopsTheStart() {
        refused(List.of("opsdesk.team-chat.robots.support.platform=slack",
                        "opsdesk.team-chat.robots.support.webhook=https://hooks.example/x"),
                "opsdesk.team-chat.robots.support.platform: 'slack' is not a known platform; use wecom, dingtalk or feishu",
                "未知平台“slack”");
    }

    @Test
    void aWebhookThatIsNotAnHttpUrlStopsTheStart() {
        refused(List.of("opsdesk.team-chat.robots.supervisors.platform=dingtalk",
                        "opsdesk.team-chat.robots.supervisors.webhook=oapi.dingtalk.com/robot/send?access_token=abc"),
                "opsdesk.team-chat.robots.supervisors.webhook: not an absolute http(s) URL", "Webhook");
        refused(List.of("opsdesk.team-chat.robots.managers.platform=feishu"),
                "opsdesk.team-chat.robots.managers.webhook: missing", "Webhook");
    }

    @Test
    void anUnknownGroupAndASecretForWeComStopTheStart() {
        refused(List.of("opsdesk.team-chat.robots.ops.platform=wecom", "opsdesk.team-chat.robots.ops.webhook=https://q.example/x"),
                "opsdesk.team-chat.robots.ops: 'ops' is not a staff group", "不是员工组");
        refused(List.of("opsdesk.team-chat.robots.support.platform=wecom", "opsdesk.team-chat.robots.support.webhook=https://q.example/x",
                        "opsdesk.team-chat.robots.support.secret=abc"),
                "opsdesk.team-chat.robots.support.secret: WeCom group robots do not sign messages", "企业微信群机器人不支持签名");
    }

    @Test
    void theDocumentedEnvironmentVariablesSetARobot() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "OPSDESK_TEAMCHAT_ROBOTS_SUPERVISORS_PLATFORM", "dingtalk",
                "OPSDESK_TEAMCHAT_ROBOTS_SUPERVISORS_WEBHOOK", "https://oapi.dingtalk.com/robot/send?access_token=abc",
                "OPSDESK_TEAMCHAT_ROBOTS_SUPERVISORS_SECRET", "SECxyz")));
        TeamChatProperties properties = new Binder(ConfigurationPropertySources.from(sources))
                .bind("opsdesk.team-chat", Bindable.of(TeamChatProperties.class)).get();

        ChatRobot robot = ChatRobots.from(properties).of("supervisors").orElseThrow();
        assertThat(robot.platform()).isEqualTo(ChatPlatform.DINGTALK);
        assertThat(robot.webhook()).hasToString("https://oapi.dingtalk.com/robot/send?access_token=abc");
        assertThat(robot.secret()).isEqualTo("SECxyz");
        assertThat(robot).as("no credential in a log line").hasToString("supervisors → dingtalk robot at https://oapi.dingtalk.com");
    }

    private void refused(List<String> settings, String message, String chinese) {
        context.withPropertyValues(settings.toArray(String[]::new)).run(run -> assertThat(run).hasFailed().getFailure()
                .hasStackTraceContaining(message).hasStackTraceContaining(chinese));
    }
}
