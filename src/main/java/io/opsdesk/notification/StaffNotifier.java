package io.opsdesk.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import io.opsdesk.engine.TeamTime;
import io.opsdesk.identity.Groups;

/**
 * Mails to staff groups (the members' e-mail addresses in Camunda's identity service), in the team's
 * locale. A failure propagates, so the asynchronous step that sends is retried and ends as an incident.
 */
@Service
public class StaffNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(StaffNotifier.class);

    private final IdentityService identity;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final MailGateway gateway;
    private final Locale locale;
    private final TeamTime time;
    private final String publicUrl;

    StaffNotifier(IdentityService identity, TemplateEngine templates, MessageSource messages,
                  MailGateway gateway, @Value("${opsdesk.staff-locale}") String locale,
                  TeamTime time, @Value("${opsdesk.public-url}") String publicUrl) {
        this.identity = identity;
        this.templates = templates;
        this.messages = messages;
        this.gateway = gateway;
        this.locale = Locale.forLanguageTag(locale);
        this.time = time;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** A step of the SLA ladder: the warning goes to the owning group, a breach to supervisors, 150 % to managers. */
    public void slaStep(MailTicket ticket, String clock, String step, Instant due) {
        String group = switch (step) {
            case "WARNING" -> Objects.requireNonNullElse(ticket.owningGroup(), Groups.SUPPORT);
            case "BREACH" -> Groups.SUPERVISORS;
            default -> Groups.MANAGERS;
        };
        Context context = new Context(locale);
        context.setVariable("ticket", ticket);
        context.setVariable("clock", clock);
        context.setVariable("step", step);
        context.setVariable("group", group);
        context.setVariable("due", time.format(due));
        context.setVariable("cockpitUrl", publicUrl + "/camunda/app/tasklist/");
        String subject = messages.getMessage("staff.sla." + step + ".subject",
                new Object[] {ticket.key(), messages.getMessage("staff.sla.clock." + clock, null, locale), ticket.title()}, locale);
        send(group, ticket, "sla-" + step.toLowerCase(Locale.ROOT), subject, templates.process("staff/sla", context));
    }

    /**
     * Mails the members of a staff group who have an e-mail address, with inline PNG images; returns their
     * addresses. A failed send propagates (the step retries; the members mailed before may get it twice then).
     */
    public List<String> mailGroup(String group, String subject, String html, Map<String, byte[]> pngImages) {
        List<String> recipients = members(group, subject).stream().map(User::getEmail).toList();
        recipients.forEach(to -> gateway.sendWithImages(to, subject, html, pngImages));
        return recipients;
    }

    private List<User> members(String group, String subject) {
        List<User> members = identity.createUserQuery().memberOfGroup(group).list().stream()
                .filter(user -> user.getEmail() != null && !user.getEmail().isBlank()).toList();
        if (members.isEmpty()) {
            LOG.warn("Group {} has no member with an e-mail address: '{}' reaches nobody", group, subject);
        }
        return members;
    }

    private void send(String group, MailTicket ticket, String template, String subject, String html) {
        for (User member : members(group, subject)) {
            gateway.send(ticket, template, member.getEmail(), subject, html);
        }
    }
}
