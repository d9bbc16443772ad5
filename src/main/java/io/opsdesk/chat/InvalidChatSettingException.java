package io.opsdesk.chat;

/** A robot setting OpsDesk cannot use; thrown while the application starts, so it refuses to start. */
public class InvalidChatSettingException extends RuntimeException {

    InvalidChatSettingException(String property, String problem, String problemZh) {
        super(property + ": " + problem + " / 团队群机器人配置错误 " + property + "：" + problemZh);
    }
}
