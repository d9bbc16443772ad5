package io.opsdesk.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The group-robot platforms OpsDesk posts to, by their configuration name. */
public enum ChatPlatform {

    /** 企业微信群机器人: {@code msgtype: markdown}, no signature. */
    WECOM(false),
    /** 钉钉自定义机器人: {@code msgtype: markdown}; signed with {@code timestamp} and {@code sign} in the URL. */
    DINGTALK(true),
    /** 飞书自定义机器人: {@code msg_type: interactive} card; signed with {@code timestamp} and {@code sign} in the body. */
    FEISHU(true);

    private final boolean signs;

    ChatPlatform(boolean signs) {
        this.signs = signs;
    }

    /** Whether the platform's robots can check a signing secret. */
    public boolean signs() {
        return signs;
    }

    /** The name in the configuration: wecom, dingtalk, feishu. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ChatPlatform> parse(String name) {
        return Arrays.stream(values()).filter(p -> p.configName().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }
}
