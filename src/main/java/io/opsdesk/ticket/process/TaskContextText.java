package io.opsdesk.ticket.process;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.ProcessText;
import io.opsdesk.engine.TeamTime;
import io.opsdesk.identity.Groups;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.ProblemLinks;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.TimelineEntry;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * The read-only ticket context every form of the ticket shows, in the team's language ({@code opsdesk.staff-locale})
 * and zone: the ticket, the last word from the customer, the latest timeline.
 */
@Component
class TaskContextText {

    private final Tickets tickets;
    private final IdentityService identity;
    private final MessageSource messages;
    private final TeamTime time;
    private final Locale locale;
    private final ProblemLinks problems;

    TaskContextText(Tickets tickets, IdentityService identity, MessageSource messages, TeamTime time,
                    @Value("${opsdesk.staff-locale}") String locale, ProblemLinks problems) {
        this.tickets = tickets;
        this.problems = problems;
        this.identity = identity;
        this.messages = messages;
        this.time = time;
        this.locale = Locale.forLanguageTag(locale);
    }

    /** The task's title in Tasklist: {@code OPS-000001 · 分诊：计费导出失败}. */
    String title(Ticket ticket, String activity) {
        return text("staff.task.name", ticket.key(), activity, ticket.title());
    }

    String description(Ticket ticket) {
        return text("staff.task.description", label("portal.type." + ticket.type()), ticket.system(), ticket.customerName());
    }

    String of(Ticket ticket, DelegateTask task) {
        StringBuilder text = new StringBuilder()
                .append(ticket.key()).append(" — ").append(ticket.title()).append('\n')
                .append(text("staff.context.classification", label("portal.type." + ticket.type()),
                        label("staff.level." + ticket.impact()), label("staff.level." + ticket.urgency()),
                        ticket.priority() == null ? label("staff.context.priorityPending") : ticket.priority())).append('\n')
                .append(text("staff.context.system", ticket.system())).append('\n')
                .append(text("staff.context.customer", ticket.customerName(), ticket.customerEmail(),
                        ticket.customerOrganization() == null ? "" : ", " + ticket.customerOrganization())).append('\n');
        if (ticket.agreedDeliveryDate() != null) {
            text.append(text("staff.context.agreedDelivery", ticket.agreedDeliveryDate())).append('\n');
        }
        if (ticket.testFailureCount() > 0) {
            text.append(text("staff.context.failedVerifications", ticket.testFailureCount())).append('\n');
        }
        Object findings = task.getVariable(Variables.VERIFICATION_FINDINGS);
        if (Elements.IMPLEMENT_FIX.equals(task.getTaskDefinitionKey()) && findings != null) {
            section(text, "staff.context.findings").append(findings).append('\n');
        }
        Object comment = task.getVariable(Variables.CUSTOMER_COMMENT);
        if (comment != null) {
            section(text, "staff.context.customerComment").append(comment).append('\n');
        }
        problems.knownErrors(ticket.key()).forEach(known -> {
            section(text, "staff.context.problem").append(text("staff.context.problemLine", known.problemKey(),
                    label("problem.state." + known.state()), known.title())).append('\n');
            if (known.workaround() != null && !known.workaround().isBlank()) {
                text.append(text("staff.context.workaround", known.workaround())).append('\n');
            }
        });
        if (ticket.handlingPlan() != null) {
            section(text, "staff.context.handlingPlan").append(ticket.handlingPlan()).append('\n');
        }
        if (Elements.ASSIGN_DEVELOPER.equals(task.getTaskDefinitionKey())) {
            section(text, "staff.context.developers");
            identity.createUserQuery().memberOfGroup(Groups.DEVELOPMENT).list().forEach(user ->
                    text.append(user.getId()).append(" (").append(user.getFirstName()).append(' ')
                            .append(user.getLastName()).append(")  "));
            text.append('\n');
        }
        section(text, "staff.context.description").append(ticket.description()).append('\n');
        List<TimelineEntry> timeline = tickets.timeline(ticket.key(), true);
        if (!timeline.isEmpty()) {
            section(text, "staff.context.timeline");
            timeline.subList(Math.max(0, timeline.size() - 5), timeline.size()).forEach(entry ->
                    text.append(time.format(entry.occurredAt())).append(' ').append(entry.actor()).append(": ")
                            .append(entry.message()).append('\n'));
        }
        return ProcessText.fit(text);
    }

    private StringBuilder section(StringBuilder text, String key) {
        return text.append('\n').append(label(key)).append('\n');
    }

    private String label(String key) {
        return messages.getMessage(key, null, locale);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
