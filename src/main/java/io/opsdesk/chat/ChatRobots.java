package io.opsdesk.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opsdesk.identity.Groups;

/**
 * The configured robots, checked once when OpsDesk starts: an unknown group or platform, a webhook that is not an
 * absolute http(s) URL, a secret for WeCom (whose group robots do not sign) stop the start with a message that
 * names the setting. A group without a robot gets no chat messages.
 */
public final class ChatRobots {

    static final String PREFIX = "opsdesk.team-chat.robots.";
    static final List<String> GROUPS = List.of(Groups.SUPPORT, Groups.DEVELOPMENT, Groups.SUPERVISORS, Groups.MANAGERS);

    private final Map<String, ChatRobot> robots;

    private ChatRobots(Map<String, ChatRobot> robots) {
        this.robots = Map.copyOf(robots);
    }

    public static ChatRobots from(TeamChatProperties properties) {
        Map<String, ChatRobot> robots = new LinkedHashMap<>();
        properties.getRobots().forEach((group, robot) -> robots.put(group, check(group, robot)));
        return new ChatRobots(robots);
    }

    public Optional<ChatRobot> of(String group) {
        return Optional.ofNullable(robots.get(group));
    }

    public boolean isEmpty() {
        return robots.isEmpty();
    }

    @Override
    public String toString() {
        return robots.values().toString();
    }

    private static ChatRobot check(String group, TeamChatProperties.Robot robot) {
        String at = PREFIX + group;
        if (!GROUPS.contains(group)) {
            throw new InvalidChatSettingException(at, "'" + group + "' is not a staff group; use one of " + GROUPS,
                    "“" + group + "”不是员工组，应为 " + GROUPS + " 之一");
        }
        ChatPlatform platform = ChatPlatform.parse(robot.getPlatform()).orElseThrow(() -> new InvalidChatSettingException(
                at + ".platform", "'" + robot.getPlatform() + "' is not a known platform; use wecom, dingtalk or feishu",
                "未知平台“" + robot.getPlatform() + "”，应为 wecom（企业微信）、dingtalk（钉钉）或 feishu（飞书）"));
        URI webhook = webhook(at + ".webhook", robot.getWebhook());
        String secret = robot.getSecret() == null || robot.getSecret().isBlank() ? null : robot.getSecret().strip();
        if (secret != null && !platform.signs()) {
            throw new InvalidChatSettingException(at + ".secret", "WeCom group robots do not sign messages; remove the secret",
                    "企业微信群机器人不支持签名，请删除 secret");
        }
        return new ChatRobot(group, platform, webhook, secret);
    }

    private static URI webhook(String property, String value) {
        String problem = "missing";
        if (value != null && !value.isBlank()) {
            try {
                URI uri = new URI(value.strip());
                if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null) {
                    return uri;
                }
                problem = "not an absolute http(s) URL";
            } catch (URISyntaxException e) {
                problem = "not a URL (" + e.getReason() + ")";
            }
        }
        // the value itself holds the robot's token: not repeated in the message
        throw new InvalidChatSettingException(property, problem + "; give the robot's webhook address, e.g. "
                + "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…", "缺失或不是有效的 http(s) 网址，请填写机器人的 Webhook 地址");
    }
}
