package io.opsdesk.chat;

import java.util.List;
import java.util.Objects;

/**
 * What a robot posts: a title, a few lines of text and a link to follow (a Tasklist task, a Cockpit page). Text
 * from customers (a ticket's title) is neutralised where the robot renders markdown, so it cannot add links.
 * {@code openTaskOf}, when set, is a process instance whose one open task the link points at, looked up when the
 * message is sent (the task may not exist yet when it is announced); {@code link} is then the fallback.
 */
public record ChatMessage(String title, List<String> lines, String link, String openTaskOf) {

    /** The most text one message carries (WeCom takes 4096 bytes of markdown). */
    static final int MAX_TEXT = 1000;

    public ChatMessage {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a chat message needs a title");
        }
        lines = List.copyOf(Objects.requireNonNullElse(lines, List.of()));
    }

    public static ChatMessage of(String title, List<String> lines, String link) {
        return new ChatMessage(title, lines, link, null);
    }

    /** A message whose link opens the open task of that process instance when it is sent. */
    public static ChatMessage aboutTaskOf(String processInstanceId, String title, List<String> lines, String fallbackLink) {
        return new ChatMessage(title, lines, fallbackLink, processInstanceId);
    }

    /** The lines as one text, shortened to {@link #MAX_TEXT} characters. */
    String text() {
        String text = String.join("\n", lines);
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    ChatMessage withLink(String resolved) {
        return new ChatMessage(title, lines, resolved, null);
    }
}
