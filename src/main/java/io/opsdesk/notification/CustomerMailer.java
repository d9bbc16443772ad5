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

/**
 * Renders a customer mail from {@code templates/mail/<template>.html} in the customer's locale (zh-CN
 * or en) and sends it, recorded as a notification; the caller notes it on the ticket.
 */
@Service
public class CustomerMailer {

    public static final Set<String> TEMPLATES = Set.of("acknowledgement", "information-request", "reminder",
            "abandoned", "declined", "handling-plan", "delivery");

    private final TemplateEngine templates;
    private final MessageSource messages;
    private final MailGateway gateway;
    private final String publicUrl;

    CustomerMailer(TemplateEngine templates, MessageSource messages, MailGateway gateway,
                   @Value("${opsdesk.public-url}") String publicUrl) {
        this.templates = templates;
        this.messages = messages;
        this.gateway = gateway;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Sends one of {@link #TEMPLATES} about the ticket, with the tracking {@code token} the link opens;
     * {@code details} are shown in the mail as given. Returns the subject.
     */
    public String send(MailTicket ticket, String template, String token, Map<String, Object> details) {
        if (!TEMPLATES.contains(template)) {
            throw new IllegalArgumentException("unknown mail template '" + template + "', expected one of " + TEMPLATES);
        }
        Locale locale = Locale.forLanguageTag(ticket.customerLocale());
        Context context = new Context(locale);
        context.setVariables(details);
        context.setVariable("ticket", ticket);
        context.setVariable("token", token);
        // the portal's tracking page; the link opens it with this mail's token (the token is also shown as text)
        context.setVariable("trackingUrl", publicUrl + "/portal/tickets/" + ticket.key() + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        context.setVariable("apiUrl", publicUrl + "/api/tickets/" + ticket.key());
        String subject = messages.getMessage("mail." + template + ".subject", new Object[] {ticket.key(), ticket.title()}, locale);
        gateway.send(ticket, template, ticket.customerEmail(), subject, templates.process("mail/" + template, context));
        return subject;
    }
}
