package io.opsdesk.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.opsdesk.chat.ChatLinks;
import io.opsdesk.chat.ChatMessage;
import io.opsdesk.chat.TeamChat;
import io.opsdesk.engine.TeamTime;
import io.opsdesk.identity.Groups;

/**
 * Tells support's chat that a daily inspection failed (at least one check FAILED; warnings alone are not
 * announced), with the failed targets and a link to the review task of the run's process.
 */
@Component
class InspectionChat {

    private static final int LISTED = 5;

    private final TeamChat chat;
    private final ChatLinks links;
    private final MessageSource messages;
    private final Locale locale;
    private final TeamTime time;

    InspectionChat(TeamChat chat, ChatLinks links, MessageSource messages, @Value("${opsdesk.staff-locale}") String locale,
                   TeamTime time) {
        this.chat = chat;
        this.links = links;
        this.messages = messages;
        this.locale = Locale.forLanguageTag(locale);
        this.time = time;
    }

    /** Announces the run if a check failed; {@code processInstanceId} is the run's daily-inspection instance. */
    void finished(InspectionRun run, String processInstanceId) {
        List<CheckResult> failed = run.results().stream().filter(r -> r.status() == CheckStatus.FAILED).toList();
        if (failed.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(text("chat.inspection.counts", time.format(run.startedAt()), run.okCount(),
                run.warningCount(), run.failedCount(), run.findingCount()));
        failed.stream().limit(LISTED).forEach(r -> lines.add(text("chat.inspection.failed", r.target(), r.message())));
        if (failed.size() > LISTED) {
            lines.add(text("chat.inspection.more", failed.size() - LISTED));
        }
        chat.announce(Groups.SUPPORT, ChatMessage.aboutTaskOf(processInstanceId,
                text("chat.inspection.title", String.valueOf(run.id()), failed.size()), lines, links.tasklist()));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
