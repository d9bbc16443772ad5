package io.opsdesk.problem;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.ProcessText;

/** The name and read-only context of a problem's tasks, in the team's language ({@code opsdesk.staff-locale}). */
@Component
class ProblemTaskText {

    private final MessageSource messages;
    private final Locale locale;

    ProblemTaskText(MessageSource messages, @Value("${opsdesk.staff-locale}") String locale) {
        this.messages = messages;
        this.locale = Locale.forLanguageTag(locale);
    }

    /** {@code PRB-000001 · 调查问题：登录超时}. */
    String title(Problem problem, String activity) {
        return text("problem.task.name", problem.key(), activity, problem.title());
    }

    String of(Problem problem) {
        StringBuilder text = new StringBuilder(problem.key()).append(" — ").append(problem.title()).append('\n')
                .append(text("problem.context.system", problem.system())).append('\n')
                .append(text("problem.context.state", text("problem.state." + problem.state()))).append('\n');
        if (problem.rootCause() != null && !problem.rootCause().isBlank()) {
            text.append('\n').append(text("problem.context.rootCause")).append('\n').append(problem.rootCause()).append('\n');
        }
        if (problem.workaround() != null && !problem.workaround().isBlank()) {
            text.append('\n').append(text("problem.context.workaround")).append('\n').append(problem.workaround()).append('\n');
        }
        text.append('\n').append(text("problem.context.tickets", problem.tickets().size())).append('\n');
        problem.tickets().forEach(t -> text.append(t.key()).append(' ').append(t.title()).append(" (").append(t.status())
                .append(")\n"));
        return ProcessText.fit(text);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
