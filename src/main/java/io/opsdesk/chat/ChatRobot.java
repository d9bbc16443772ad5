package io.opsdesk.chat;

import java.net.URI;

/** One staff group's robot, validated: where its messages go and, where the platform signs, its secret (or null). */
public record ChatRobot(String group, ChatPlatform platform, URI webhook, String secret) {

    @Override
    public String toString() {
        // the webhook's token and the secret are credentials: never in a log line or an incident
        return group + " → " + platform.configName() + " robot at " + webhook.getScheme() + "://" + webhook.getAuthority();
    }
}
