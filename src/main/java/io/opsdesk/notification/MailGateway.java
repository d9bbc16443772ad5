package io.opsdesk.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.opsdesk.monitoring.OpsDeskMetrics;
import io.opsdesk.engine.EngineTime;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a mail through SMTP when {@code spring.mail.host} is set. Without SMTP settings (the default
 * run) every mail is written as an {@code .eml} file into {@code opsdesk.mail.outbox} instead, where
 * any mail client opens it. Failures propagate, so the asynchronous step that sends retries and ends
 * as an incident in Cockpit.
 */
@Component
class MailGateway {

    private static final Logger LOG = LoggerFactory.getLogger(MailGateway.class);

    private final JavaMailSender smtp;
    private final Path outbox;
    private final InternetAddress from;
    private final JdbcClient jdbc;
    private final OpsDeskMetrics metrics;
    private final MailThreads threads;
    /**
     * Builds the outbox's messages, never sends: like the SMTP sender's, its messages carry one mail session and
     * one MIME type map for all (building both per mail cost a tenth of a ticket's start, docs/performance.md).
     */
    private final JavaMailSenderImpl outboxMessages = new JavaMailSenderImpl();

    MailGateway(ObjectProvider<JavaMailSender> smtp, @Value("${opsdesk.mail.outbox}") Path outbox,
                @Value("${opsdesk.mail.from}") String from, JdbcClient jdbc, OpsDeskMetrics metrics, MailThreads threads)
            throws MessagingException {
        this.smtp = smtp.getIfAvailable();
        this.threads = threads;
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.outbox = outbox;
        this.from = new InternetAddress(from, true);
        if (this.smtp == null) {
            LOG.info("No SMTP server configured (spring.mail.host): customer mails are written to {}", outbox.toAbsolutePath());
        }
    }

    /**
     * Sends one HTML mail (with a plain-text part made from it) and records it in {@code notification}
     * in the same transaction, so a mail that failed is not recorded and a recorded one went out. Its Message-ID
     * ({@link MailThreads#newMessageId}) is stored, so a reply that refers to it finds the ticket.
     */
    void send(MailTicket ticket, String template, String to, String subject, String html) {
        String text = Jsoup.parse(html).wholeText().replaceAll("\\n\\s*\\n\\s*\\n+", "\n\n").strip();
        String messageId = threads.newMessageId(ticket.key());
        send(to, subject, html, text, Map.of(), messageId);
        threads.sent(messageId, ticket.key());
        jdbc.sql("insert into notification (ticket_id, template, recipient, subject, sent_at) values (:t, :tpl, :to, :s, :at)")
                .param("t", ticket.id()).param("tpl", template).param("to", to)
                .param("s", subject.length() > 300 ? subject.substring(0, 300) : subject)
                .param("at", Timestamp.from(EngineTime.now()))
                .update();
    }

    /**
     * Sends one HTML mail to staff with images inline ({@code <img src="cid:name">} in the HTML refers to the image
     * {@code name}); not tied to a ticket, so not recorded in {@code notification}.
     */
    void sendWithImages(String to, String subject, String html, Map<String, byte[]> pngImages) {
        String text = Jsoup.parse(html).wholeText().replaceAll("\\n\\s*\\n\\s*\\n+", "\n\n").strip();
        send(to, subject, html, text, pngImages, null);
    }

    /** {@code messageId}: the Message-ID to send with, or null for one of JavaMail's. */
    private void send(String to, String subject, String html, String text, Map<String, byte[]> pngImages, String messageId) {
        try {
            MimeMessage message = smtp != null ? smtp.createMimeMessage() : outboxMessages.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            // InternetAddress rejects CR/LF and anything else that could inject a header
            helper.setTo(new InternetAddress(to, true));
            helper.setSubject(subject.replaceAll("[\\r\\n]+", " "));
            helper.setText(text, html);
            for (Map.Entry<String, byte[]> image : pngImages.entrySet()) {
                // inline parts go after the text (MimeMessageHelper's rule)
                helper.addInline(image.getKey(), new ByteArrayResource(image.getValue()), "image/png");
            }
            // RFC 3834: customers' auto-responders do not answer, our inbound poller ignores such mail
            message.setHeader("Auto-Submitted", "auto-generated");
            if (messageId != null) {
                // JavaMailSenderImpl keeps a Message-ID that is set before sending
                message.setHeader("Message-ID", messageId);
            }
            if (smtp != null) {
                smtp.send(message);
            } else {
                message.saveChanges();
                if (messageId != null) {
                    // saveChanges() gives the mail a new Message-ID: ours again
                    message.setHeader("Message-ID", messageId);
                }
                Files.createDirectories(outbox);
                Path file = outbox.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
                LOG.info("Mail to {} '{}' written to {}", to, subject, file);
            }
            metrics.mailSent();
        } catch (MessagingException | IOException | MailException e) {
            metrics.mailFailed();
            // the incident in Cockpit then says which mail to whom failed, and why
            throw new MailDeliveryException("could not send mail to " + to + ": " + e.getMessage(), e);
        }
    }
}
