package io.opsdesk.inbound;

import static io.opsdesk.TestMailServer.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.Tasklist;
import io.opsdesk.attachment.AttachmentInfo;
import io.opsdesk.attachment.AttachmentService;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketRepository;
import io.opsdesk.ticket.TicketStatus;
import io.opsdesk.ticket.TimelineEntry;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Mails delivered into a real IMAP mailbox (a second GreenMail, IMAP on a free port) and read by the
 * poller, driven by calling {@code poll()}: tickets opened, replies added, machines ignored, nothing twice.
 */
@OpsDeskTest
class InboundMailTest {

    static final String MAILBOX = "support@opsdesk.test";
    @RegisterExtension
    static final TestMailbox mailbox = new TestMailbox(MAILBOX, "support");

    @LocalServerPort
    int port;
    final InboundMailProcessor processor;
    final TicketRepository tickets;
    final AttachmentService attachments;
    final JdbcClient jdbc;
    final ProcessEngine engine;
    final GreenMail smtp;

    InboundMailPoller poller;

    InboundMailTest(InboundMailProcessor processor, TicketRepository tickets, AttachmentService attachments,
            JdbcClient jdbc, ProcessEngine engine, GreenMail smtp) {
        this.processor = processor;
        this.tickets = tickets;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.engine = engine;
        this.smtp = smtp;
    }

    @BeforeEach
    void poller() {
        poller = mailbox.poller(processor);
        poller.poll(); // whatever an earlier test left unseen
    }

    @Test
    void plainMailOpensTicketWithoutHeaderInjection() throws Exception {
        String sender = customer();
        MimeMessage mail = mail("Zhang Wei <" + sender + ">", null, "Billing export fails");
        // an encoded word that decodes to a line break and a header: must never reach a mail we send
        mail.setHeader("Subject", "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                "Export fails\r\nBcc: evil@example.com".getBytes(StandardCharsets.UTF_8)) + "?=");
        mail.setText("The monthly export stops at 50%.\nSince Monday.", "UTF-8");
        mailbox.deliver(mail);

        assertThat(poller.poll()).isEqualTo(new InboundMailPoller.PollResult(true, 1, 0));

        Ticket ticket = ticketOf(sender);
        assertThat(ticket.title()).isEqualTo("Export fails Bcc: evil@example.com");
        assertThat(ticket.description()).isEqualTo("The monthly export stops at 50%.\nSince Monday.");
        assertThat(ticket.customerName()).isEqualTo("Zhang Wei");
        assertThat(ticket.customerLocale()).isEqualTo("en");
        assertThat(ticket.type().name()).isEqualTo("FAULT");
        assertThat(ticket.impact().name()).isEqualTo("MEDIUM");
        assertThat(ticket.urgency().name()).isEqualTo("MEDIUM");
        assertThat(ticket.system()).isEqualTo("email");
        assertThat(ticket.source()).isEqualTo("EMAIL");
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);

        Jobs.runDue(engine, ticket.key());
        assertThat(mailsTo(smtp, sender)).singleElement().satisfies(ack ->
                assertThat(ack.getSubject()).startsWith("[" + ticket.key() + "]").doesNotContain("\n", "\r"));
        assertThat(mailsTo(smtp, "evil@example.com")).isEmpty();
    }

    @Test
    void controlAndBidiCharactersAreRemovedFromAMailNotTheMailRefused() throws Exception {
        String sender = customer();
        MimeMessage mail = mail("Mallory\u202E <" + sender + ">", null, "invoice\u202Egnp.exe");
        mail.setText("Line one\u0000\u0007\nline\u2066 two\tend", "UTF-8");
        mailbox.deliver(mail);

        assertThat(poller.poll()).isEqualTo(new InboundMailPoller.PollResult(true, 1, 0));

        Ticket ticket = ticketOf(sender);
        assertThat(ticket.title()).isEqualTo("invoicegnp.exe");
        assertThat(ticket.description()).isEqualTo("Line one\nline two\tend");
        assertThat(ticket.customerName()).isEqualTo("Mallory");
    }

    @Test
    void chineseHtmlMailOpensTicketInChinese() throws Exception {
        String sender = customer();
        MimeMessage mail = mail(sender, null, "系统无法登录");
        mail.setContent("<html><body><p>今天早上开始<b>无法登录</b>。</p><script>alert(1)</script><p>请尽快处理</p></body></html>",
                "text/html; charset=UTF-8");
        mailbox.deliver(mail);

        poller.poll();

        Ticket ticket = ticketOf(sender);
        assertThat(ticket.title()).isEqualTo("系统无法登录");
        assertThat(ticket.description()).isEqualTo("今天早上开始无法登录。\n请尽快处理");
        assertThat(ticket.customerLocale()).isEqualTo("zh-CN");
        assertThat(ticket.customerName()).isEqualTo(sender.substring(0, sender.indexOf('@')));
    }

    @Test
    void replyWithTheKeyResumesTicketWaitingForCustomer() throws Exception {
        String sender = customer();
        Ticket ticket = waitingForCustomer(sender);
        MimeMessage reply = mail(sender, null, "Re: [" + ticket.key() + "] We need more information");
        reply.setText("The log is attached in my next mail.\n> Please send the export log", "UTF-8");
        mailbox.deliver(reply);

        assertThat(poller.poll().processed()).isEqualTo(1);

        Ticket replied = tickets.findByKey(ticket.key()).orElseThrow();
        assertThat(replied.status()).isEqualTo(TicketStatus.IN_ANALYSIS);
        assertThat(tickets.timeline(ticket.key(), false)).extracting(TimelineEntry::type, TimelineEntry::message)
                .contains(org.assertj.core.groups.Tuple.tuple("CUSTOMER_REPLY", "The log is attached in my next mail."));
        assertThat(jdbc.sql("select count(*) from ticket where customer_email = :e").param("e", sender)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void mailAboutAClosedTicketOpensAFollowUp() throws Exception {
        String sender = customer();
        MimeMessage first = mail(sender, null, "VPN drops");
        first.setText("Every hour", "UTF-8");
        mailbox.deliver(first);
        poller.poll();
        Ticket closed = ticketOf(sender);
        tickets.update(closed.key(), Map.of("status", TicketStatus.CLOSED));

        MimeMessage again = mail(sender, null, "Re: [" + closed.key() + "] Delivered, please check: VPN drops");
        again.setText("It is back", "UTF-8");
        mailbox.deliver(again);
        poller.poll();

        Ticket followUp = tickets.findByKey(jdbc.sql("select max(ticket_key) from ticket where customer_email = :e")
                .param("e", sender).query(String.class).single()).orElseThrow();
        assertThat(followUp.key()).isNotEqualTo(closed.key());
        assertThat(followUp.description()).isEqualTo("Follow-up to " + closed.key() + " (CLOSED):\n\nIt is back");
    }

    @Test
    void replyFromSomeoneElseIsIgnored() throws Exception {
        String sender = customer();
        Ticket ticket = waitingForCustomer(sender);
        String stranger = customer();
        MimeMessage reply = mail(stranger, null, "Re: [" + ticket.key() + "] We need more information");
        reply.setText("Close this ticket please", "UTF-8");
        mailbox.deliver(reply);

        assertThat(poller.poll().processed()).isEqualTo(1);

        assertThat(tickets.findByKey(ticket.key()).orElseThrow().status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
        assertThat(tickets.timeline(ticket.key(), true)).extracting(TimelineEntry::message)
                .doesNotContain("Close this ticket please");
        assertThat(countTickets(stranger)).isZero();
    }

    @Test
    void autoRepliesAndBouncesOpenNoTicket() throws Exception {
        String sender = customer();
        long before = jdbc.sql("select count(*) from ticket").query(Long.class).single();
        deliverWith(sender, "Auto-Submitted", "auto-replied");
        deliverWith(sender, "Precedence", "bulk");
        deliverWith(sender, "Precedence", "list");
        deliverWith(sender, "X-Autoreply", "yes");
        deliverWith(sender, "X-Autorespond", "Out of office");
        deliverWith(sender, "Return-Path", "<>");
        deliverWith("MAILER-DAEMON@mx.example.com", "X-Nothing", "1");
        deliverWith("postmaster@example.com", "X-Nothing", "1");
        deliverWith("support@opsdesk.example", "X-Nothing", "1"); // opsdesk.mail.from: our own mail coming back
        MimeMessage report = mail(sender, null, "Delivery Status Notification");
        MimeMultipart multipart = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Your message could not be delivered");
        multipart.addBodyPart(text);
        report.setContent(multipart);
        report.saveChanges();
        mailbox.deliver(report);

        assertThat(poller.poll()).isEqualTo(new InboundMailPoller.PollResult(true, 10, 0));

        assertThat(jdbc.sql("select count(*) from ticket").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from inbound_mail where sender in (:a) and outcome = 'AUTOMATIC'")
                .param("a", java.util.List.of(sender, "MAILER-DAEMON@mx.example.com", "postmaster@example.com",
                        "support@opsdesk.example"))
                .query(Long.class).single()).isEqualTo(10);
        assertThat(poller.poll().processed()).isZero();
    }

    @Test
    void attachmentsAreKeptOrNotedOnTheTimeline() throws Exception {
        String sender = customer();
        MimeMessage mail = mail(sender, null, "Error report");
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See the attached report.", "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setContent("%PDF-1.4 report".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        pdf.setFileName("报告.pdf");
        pdf.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeBodyPart exe = new MimeBodyPart();
        exe.setContent("MZ".getBytes(StandardCharsets.US_ASCII), "application/x-msdownload");
        exe.setFileName("tool.exe");
        multipart.addBodyPart(text);
        multipart.addBodyPart(pdf);
        multipart.addBodyPart(exe);
        mail.setContent(multipart);
        mail.saveChanges();
        mailbox.deliver(mail);

        poller.poll();

        Ticket ticket = ticketOf(sender);
        assertThat(ticket.description()).isEqualTo("See the attached report.");
        assertThat(attachments.publicAttachments(ticket.key())).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("报告.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.uploader()).isEqualTo(sender);
        });
        assertThat(tickets.timeline(ticket.key(), false)).extracting(TimelineEntry::message)
                .anyMatch(m -> m.startsWith("Attachment tool.exe from the e-mail was not kept: type application/x-msdownload"));
    }

    @Test
    void mailsAreMarkedSeenAndNeverProcessedTwice() throws Exception {
        String sender = customer();
        MimeMessage mail = mail(sender, null, "Printer offline");
        mail.setText("Since noon", "UTF-8");
        mailbox.deliver(mail);

        assertThat(poller.poll().processed()).isEqualTo(1);
        assertThat(poller.poll().processed()).isZero();
        assertThat(unseenCount()).isZero();

        markAllUnseen(); // a \Seen flag lost, e.g. the connection dropped right after the commit
        poller.poll();
        assertThat(countTickets(sender)).isEqualTo(1);
        assertThat(unseenCount()).isZero();
    }

    @Test
    void nothingIsPolledWhileInboundMailIsOff(@Autowired org.springframework.context.ApplicationContext context) {
        assertThat(context.getBeanNamesForType(InboundMailConfig.Schedule.class)).isEmpty();
        // OpsDesk's nightly housekeeping (retention, H2 backup) is scheduled; the poller is not
        assertThat(context.getBean(org.springframework.scheduling.config.ScheduledTaskHolder.class).getScheduledTasks())
                .extracting(task -> task.getTask().toString())
                .anyMatch(task -> task.contains("RetentionCleanup"))
                .noneMatch(task -> task.contains("InboundMail"));
    }

    @Test
    void unreachableServerIsCountedAndRetriedAtTheNextPoll() {
        InboundMailPoller unreachable = new InboundMailPoller(mailbox.properties(closedPort()), processor);

        assertThat(unreachable.poll().connected()).isFalse();
        assertThat(unreachable.poll().connected()).isFalse();
        assertThat(unreachable.connectionFailures()).isEqualTo(2);
    }

    private Ticket waitingForCustomer(String email) {
        Http http = new Http(port);
        JsonNode created = http.postJson("/api/tickets", Map.of("type", "FAULT", "title", "Export misses rows",
                "description", "Rows are missing", "system", "billing", "impact", "LOW", "urgency", "LOW",
                "customer", Map.of("name", "Li Wei", "email", email, "locale", "en"))).json();
        String key = created.get("key").asText();
        Jobs.runDue(engine, key);
        new Tasklist(http, "alice").complete(key, Elements.TRIAGE, Map.of(
                Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "LOW", Variables.URGENCY, "LOW",
                Variables.ANALYSIS, "Need the log", Variables.TRIAGE_OUTCOME, "NEED_INFORMATION",
                Variables.HANDLING_PLAN, "We look at the log", Variables.INFORMATION_REQUEST, "Please send the export log"));
        Jobs.runDue(engine, key);
        Ticket ticket = tickets.findByKey(key).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
        return ticket;
    }

    private void deliverWith(String from, String header, String value) throws Exception {
        MimeMessage mail = mail(from, null, "Automatic: " + header);
        mail.setText("I am out of office", "UTF-8");
        mail.setHeader(header, value);
        mailbox.deliver(mail);
    }

    private static MimeMessage mail(String from, String messageId, String subject) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        mail.setSubject(subject, "UTF-8");
        mail.setSentDate(new java.util.Date());
        return mail;
    }

    private Ticket ticketOf(String email) {
        String key = jdbc.sql("select ticket_key from ticket where customer_email = :e").param("e", email)
                .query(String.class).single();
        return tickets.findByKey(key).orElseThrow();
    }

    private long countTickets(String email) {
        return jdbc.sql("select count(*) from ticket where customer_email = :e").param("e", email).query(Long.class).single();
    }

    private static String customer() {
        return "c" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static int unseenCount() throws Exception {
        try (Store store = session().getStore("imap")) {
            store.connect("127.0.0.1", mailbox.port(), mailbox.login(), TestMailbox.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int unseen = inbox.getUnreadMessageCount();
            inbox.close(false);
            return unseen;
        }
    }

    private static void markAllUnseen() throws Exception {
        try (Store store = session().getStore("imap")) {
            store.connect("127.0.0.1", mailbox.port(), mailbox.login(), TestMailbox.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), false);
            inbox.close(false);
        }
    }

    private static Session session() {
        return Session.getInstance(new Properties());
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
