package io.opsdesk.inbound;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.attachment.AttachmentService;
import io.opsdesk.attachment.NewAttachment;
import io.opsdesk.domain.DomainException;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.notification.MailThreads;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TextRules;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketKeys;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.Visibility;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * What one received mail does, in one transaction: opens a ticket, or adds the customer's reply to the
 * ticket it answers (by In-Reply-To / References to a mail we sent, else by the key in its subject), or
 * nothing (automatic mail, stranger, seen before). Every mail acted on is remembered by its Message-ID.
 */
@Service
class InboundMailProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailProcessor.class);
    private static final Pattern TICKET_KEY = Pattern.compile("\\[(" + TicketKeys.PATTERN + ")]");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");
    private static final int MAX_TEXT = 10_000;

    enum Outcome { OPENED, REPLIED, AUTOMATIC, REFUSED_SENDER, DUPLICATE }

    record Result(Outcome outcome, String ticketKey) {
    }

    private final TicketService tickets;
    private final Tickets ticketRecords;
    private final AttachmentService attachments;
    private final JdbcClient jdbc;
    private final String ownAddress;
    private final MailThreads threads;

    InboundMailProcessor(TicketService tickets, Tickets ticketRecords, AttachmentService attachments,
                         JdbcClient jdbc, @Value("${opsdesk.mail.from}") String from, MailThreads threads) throws AddressException {
        this.threads = threads;
        this.tickets = tickets;
        this.ticketRecords = ticketRecords;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.ownAddress = new InternetAddress(from).getAddress();
    }

    @Transactional
    public Result process(InboundMail mail) {
        if (jdbc.sql("select count(*) from inbound_mail where message_id = :id").param("id", mail.messageId())
                .query(Long.class).single() > 0) {
            LOG.info("Inbound mail {} was processed before; skipped", mail.messageId());
            return new Result(Outcome.DUPLICATE, null);
        }
        Result result = act(mail);
        jdbc.sql("""
                insert into inbound_mail (message_id, sender, outcome, ticket_key, received_at)
                values (:id, :sender, :outcome, :key, :at)""")
                .param("id", mail.messageId())
                .param("sender", mail.senderEmail())
                .param("outcome", result.outcome().name())
                .param("key", result.ticketKey())
                .param("at", Timestamp.from(EngineTime.now()))
                .update();
        return result;
    }

    private Result act(InboundMail mail) {
        String automatic = mail.automaticReason() != null ? mail.automaticReason()
                : ownAddress.equalsIgnoreCase(mail.senderEmail()) ? "sent by OpsDesk itself" : null;
        if (automatic != null) {
            LOG.info("Inbound mail {} from {} is automatic ({}); no ticket", mail.messageId(), mail.senderEmail(), automatic);
            return new Result(Outcome.AUTOMATIC, null);
        }
        Ticket existing = answered(mail);
        if (existing == null) {
            return open(mail, "");
        }
        if (!existing.customerEmail().equalsIgnoreCase(mail.senderEmail())) {
            LOG.warn("Inbound mail {} from {} names ticket {} but is not from its customer; ignored",
                    mail.messageId(), mail.senderEmail(), existing.key());
            return new Result(Outcome.REFUSED_SENDER, existing.key());
        }
        if (existing.status().isFinal()) {
            return open(mail, "Follow-up to " + existing.key() + " (" + existing.status() + "):\n\n");
        }
        String text = withoutQuotedLines(TextRules.neutralise(mail.text(), TextRules.Kind.MULTI_LINE));
        tickets.replyByMail(existing.key(), mail.senderEmail(), truncate(text.isBlank()
                ? (mail.attachments().isEmpty() ? "(empty reply)" : "(attachments only)") : text));
        keepAttachments(existing.key(), mail);
        LOG.info("Inbound mail {} from {} added as a reply to {}", mail.messageId(), mail.senderEmail(), existing.key());
        return new Result(Outcome.REPLIED, existing.key());
    }

    /** The ticket a mail answers: one of our Message-IDs it refers to, else the key in its subject; or null. */
    private Ticket answered(InboundMail mail) {
        Optional<Ticket> threaded = threads.ticketOf(mail.threadIds()).flatMap(ticketRecords::find);
        if (threaded.isPresent()) {
            return threaded.get();
        }
        Matcher key = TICKET_KEY.matcher(mail.subject() == null ? "" : mail.subject());
        return key.find() ? ticketRecords.find(key.group(1)).orElse(null) : null;
    }

    private Result open(InboundMail mail, String prefix) {
        // a customer's mail is never dropped for its characters: what the API would refuse is removed instead
        String cleanSubject = TextRules.neutralise(mail.subject(), TextRules.Kind.ONE_LINE);
        String cleanText = TextRules.neutralise(mail.text(), TextRules.Kind.MULTI_LINE);
        String subject = cleanSubject == null || cleanSubject.isBlank() ? "(no subject)" : cleanSubject.strip();
        String text = prefix + (cleanText.isBlank() ? "(no text)" : cleanText);
        String locale = CJK.matcher(subject + " " + text).find() ? "zh-CN" : "en";
        TicketService.Created created = tickets.create(new NewTicket(TicketType.FAULT,
                InboundMailParser.truncate(subject, 200), truncate(text), "email", Level.MEDIUM, Level.MEDIUM,
                TextRules.neutralise(mail.senderName(), TextRules.Kind.ONE_LINE), mail.senderEmail(), null, locale, "EMAIL"), null);
        String ticketKey = created.ticket().key();
        keepAttachments(ticketKey, mail);
        LOG.info("Inbound mail {} from {} opened {}", mail.messageId(), mail.senderEmail(), ticketKey);
        return new Result(Outcome.OPENED, ticketKey);
    }

    private void keepAttachments(String ticketKey, InboundMail mail) {
        for (NewAttachment file : mail.attachments()) {
            try {
                attachments.check(file);
            } catch (DomainException refused) {
                ticketRecords.note(ticketKey, mail.senderName(), "ATTACHMENT_REFUSED",
                        "Attachment " + InboundMailParser.truncate(InboundMailParser.oneLine(file.fileName()), 200)
                                + " from the e-mail was not kept: " + refused.getMessage(), Visibility.PUBLIC);
                continue;
            }
            attachments.add(ticketKey, file, mail.senderEmail(), Visibility.PUBLIC);
        }
    }

    /** A reply without the quoted earlier mail ({@code > ...} lines). */
    private static String withoutQuotedLines(String text) {
        return text.lines().filter(line -> !line.startsWith(">")).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    private static String truncate(String text) {
        return InboundMailParser.truncate(text, MAX_TEXT);
    }
}
