package io.opsdesk.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.opsdesk.chat.ChatLinks;
import io.opsdesk.chat.ChatMessage;
import io.opsdesk.chat.TeamChat;
import io.opsdesk.identity.Groups;

/** Tells the supervisors' chat that a release waits for their approval, with a link to the approval task. */
@Component
class ReleaseChat {

    private final TeamChat chat;
    private final ChatLinks links;
    private final MessageSource messages;
    private final Locale locale;

    ReleaseChat(TeamChat chat, ChatLinks links, MessageSource messages, @Value("${opsdesk.staff-locale}") String locale) {
        this.chat = chat;
        this.links = links;
        this.messages = messages;
        this.locale = Locale.forLanguageTag(locale);
    }

    /** The release just registered; its process goes on to the approval task. */
    void awaitingApproval(Release release) {
        List<String> lines = new ArrayList<>();
        if (release.summary() != null) {
            lines.add(text("chat.release.summary", release.summary()));
        }
        lines.add(text("chat.release.tickets", String.join("、", release.tickets().stream()
                .map(t -> t.key() + " " + t.title()).toList())));
        lines.add(text("chat.release.requestedBy", release.requestedBy()));
        chat.announce(Groups.SUPERVISORS, ChatMessage.aboutTaskOf(release.processInstanceId(),
                text("chat.release.title", release.key(), release.version()), lines, links.cockpit(release.processInstanceId())));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
