package io.opsdesk.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketRepository;
import io.opsdesk.ticket.TrackingTokens;
import io.opsdesk.ticket.Visibility;

/**
 * Renders a customer mail from {@code templates/mail/<template>.html} in the customer's locale (zh-CN
 * or en), sends it, and records it as a notification and on the public timeline.
 */
@Service
public class CustomerMailer {

    public static final Set<String> TEMPLATES = Set.of("acknowledgement", "information-request", "reminder",
            "abandoned", "declined", "handling-plan", "delivery");

    private final TicketRepository tickets;
    private final TrackingTokens tokens;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final MailGateway gateway;
    private final String publicUrl;

    CustomerMailer(TicketRepository tickets, TrackingTokens tokens, TemplateEngine templates, MessageSource messages,
                   MailGateway gateway, @Value("${opsdesk.public-url}") String publicUrl) {
        this.tickets = tickets;
        this.tokens = tokens;
        this.templates = templates;
        this.messages = messages;
        this.gateway = gateway;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Sends one of {@link #TEMPLATES} about the ticket; {@code details} are shown in the mail as given. */
    public void send(String ticketKey, String template, Map<String, Object> details) {
        if (!TEMPLATES.contains(template)) {
            throw new IllegalArgumentException("unknown mail template '" + template + "', expected one of " + TEMPLATES);
        }
        Ticket ticket = tickets.findByKey(ticketKey).orElseThrow();
        Locale locale = Locale.forLanguageTag(ticket.customerLocale());
        String token = tokens.issueLinkToken(ticket.id(), template);
        Context context = new Context(locale);
        context.setVariables(details);
        context.setVariable("ticket", ticket);
        context.setVariable("token", token);
        // the portal's tracking page; the link opens it with this mail's token (the token is also shown as text)
        context.setVariable("trackingUrl", publicUrl + "/portal/tickets/" + ticket.key() + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        context.setVariable("apiUrl", publicUrl + "/api/tickets/" + ticket.key());
        String subject = messages.getMessage("mail." + template + ".subject", new Object[] {ticket.key(), ticket.title()}, locale);
        gateway.send(ticket.id(), template, ticket.customerEmail(), subject, templates.process("mail/" + template, context));
        tickets.addTimeline(ticket.key(), "OpsDesk", "MAIL", "Mail sent to the customer: " + subject, Visibility.PUBLIC);
    }
}
