package io.opsdesk.ticket.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.opsdesk.chat.ChatLinks;
import io.opsdesk.chat.ChatMessage;
import io.opsdesk.chat.TeamChat;
import io.opsdesk.engine.TeamTime;
import io.opsdesk.identity.Groups;
import io.opsdesk.sla.SlaClock;
import io.opsdesk.sla.SlaStep;
import io.opsdesk.ticket.Ticket;

/**
 * What the support-ticket process tells the staff groups' chats, in the team's language: a ticket that became P1
 * (support), and each SLA step (a warning to the owning group, a breach to supervisors, 150 % to managers). The
 * link opens the ticket's open task in Tasklist; where there is none or several, Tasklist or, for supervisors and
 * managers, the ticket's page in Cockpit.
 */
@Component
class TicketChat {


    private final TeamChat chat;
    private final ChatLinks links;
    private final MessageSource messages;
    private final Locale locale;
    private final TeamTime time;

    TicketChat(TeamChat chat, ChatLinks links, MessageSource messages, @Value("${opsdesk.staff-locale}") String locale,
               TeamTime time) {
        this.chat = chat;
        this.links = links;
        this.messages = messages;
        this.locale = Locale.forLanguageTag(locale);
        this.time = time;
    }

    /** The priority decision gave P1 to a ticket that was not P1 before ({@code before} null: a new ticket). */
    void becameP1(Ticket ticket, String before, String processInstanceId) {
        List<String> lines = new ArrayList<>();
        lines.add(text(before == null ? "chat.p1.new" : "chat.p1.raised", before));
        lines.addAll(about(ticket));
        announce(Groups.SUPPORT, processInstanceId, text("chat.p1.title", ticket.key(), ticket.title()), lines);
    }

    void slaStep(Ticket ticket, SlaClock clock, SlaStep step, Instant due, String processInstanceId) {
        String group = switch (step) {
            case WARNING -> Objects.requireNonNullElse(ticket.owningGroup(), Groups.SUPPORT);
            case BREACH -> Groups.SUPERVISORS;
            default -> Groups.MANAGERS;
        };
        String clockName = text("staff.sla.clock." + clock.name());
        List<String> lines = new ArrayList<>();
        lines.add(text("staff.sla." + step.name() + ".body", clockName, time.format(due)));
        lines.addAll(about(ticket));
        announce(group, processInstanceId, text("staff.sla." + step.name() + ".subject", ticket.key(), clockName, ticket.title()), lines);
    }

    private List<String> about(Ticket ticket) {
        String customer = ticket.customerName() + (ticket.customerOrganization() == null ? "" : "（" + ticket.customerOrganization() + "）");
        List<String> lines = new ArrayList<>(List.of(text("chat.ticket.priority", ticket.priority())));
        if (ticket.owningGroup() != null) {
            lines.add(text("chat.ticket.owner", ticket.owningGroup(), Objects.requireNonNullElse(ticket.assignee(), "-")));
        }
        lines.add(text("chat.ticket.customer", customer));
        return lines;
    }

    private void announce(String group, String processInstanceId, String title, List<String> lines) {
        boolean cockpit = group.equals(Groups.SUPERVISORS) || group.equals(Groups.MANAGERS);
        chat.announce(group, ChatMessage.aboutTaskOf(processInstanceId, title, lines,
                cockpit ? links.cockpit(processInstanceId) : links.tasklist()));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
