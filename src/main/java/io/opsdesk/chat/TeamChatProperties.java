package io.opsdesk.chat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opsdesk.team-chat.*}: the group robot of each staff group (support, development, supervisors,
 * managers) in WeCom, DingTalk or Feishu. No robot configured: nothing is sent. In production the webhook
 * and secret come from the environment, e.g. {@code OPSDESK_TEAMCHAT_ROBOTS_SUPPORT_WEBHOOK} (docs/team-chat.md).
 */
@ConfigurationProperties("opsdesk.team-chat")
public class TeamChatProperties {

    /** staff group → its robot */
    private final Map<String, Robot> robots = new LinkedHashMap<>();
    /** connect and answer timeout of one post to a robot */
    private Duration timeout = Duration.ofSeconds(10);

    public Map<String, Robot> getRobots() {
        return robots;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** One robot as configured, not yet checked. */
    public static class Robot {

        /** wecom, dingtalk or feishu */
        private String platform;
        /** the robot's webhook URL (it holds the robot's token: a credential) */
        private String webhook;
        /** the signing secret (DingTalk "加签" SEC…, Feishu "签名校验"); none for WeCom */
        private String secret;

        public String getPlatform() {
            return platform;
        }

        public void setPlatform(String platform) {
            this.platform = platform;
        }

        public String getWebhook() {
            return webhook;
        }

        public void setWebhook(String webhook) {
            this.webhook = webhook;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }
    }
}
