package io.opsdesk.inbound;

import static io.opsdesk.TestMailServer.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.Tasklist;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketStatus;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.TimelineEntry;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Replies threaded by {@code In-Reply-To} / {@code References} to the Message-IDs of the mails OpsDesk sent (received
 * by the GreenMail SMTP server), read from a real IMAP mailbox: the subject no longer needs the key.
 */
@OpsDeskTest
class MailThreadingTest {

    @RegisterExtension
    static final TestMailbox mailbox = new TestMailbox("threads@opsdesk.test", "threads");

    @LocalServerPort
    int port;
    @Autowired
    InboundMailProcessor processor;
    @Autowired
    Tickets tickets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    GreenMail smtp;

    InboundMailPoller poller;

    @BeforeEach
    void poller() {
        poller = mailbox.poller(processor);
        poller.poll();
    }

    @Test
    void everyMailAboutATicketCarriesAStoredMessageIdOfItsOwn() throws Exception {
        String customer = customer();
        Ticket ticket = waitingForCustomer(customer);

        List<String> sent = messageIdsSentTo(customer);
        assertThat(sent).hasSize(2).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("<" + ticket.key() + "\\.[0-9a-f-]{36}@opsdesk\\.test>"));
        assertThat(jdbc.sql("select message_id from sent_mail where ticket_key = :key").param("key", ticket.key())
                .query(String.class).list()).containsAll(sent);
    }

    @Test
    void replyWhoseSubjectLostTheKeyJoinsTheTicketByInReplyTo() throws Exception {
        String customer = customer();
        Ticket ticket = waitingForCustomer(customer);
        MimeMessage reply = mail(customer, "Re: your question");
        reply.setHeader("In-Reply-To", last(messageIdsSentTo(customer)));
        reply.setText("Here is the export log.", "UTF-8");
        mailbox.deliver(reply);

        assertThat(poller.poll().processed()).isEqualTo(1);

        assertThat(tickets.find(ticket.key()).orElseThrow().status()).isEqualTo(TicketStatus.IN_ANALYSIS);
        assertThat(tickets.timeline(ticket.key(), false)).extracting(TimelineEntry::type, TimelineEntry::message)
                .contains(org.assertj.core.groups.Tuple.tuple("CUSTOMER_REPLY", "Here is the export log."));
        assertThat(ticketsOf(customer)).isEqualTo(1);
    }

    @Test
    void aReferencesChainFindsTheTicketThroughTheCustomersOwnEarlierMail() throws Exception {
        String customer = customer();
        Ticket ticket = waitingForCustomer(customer);
        String ours = messageIdsSentTo(customer).get(0);
        MimeMessage reply = mail(customer, "Re: Re: log");
        // the customer answers their own earlier mail, which answered ours
        reply.setHeader("In-Reply-To", "<own-earlier-" + UUID.randomUUID() + "@customer.example>");
        reply.setHeader("References", ours + "\r\n <own-earlier@customer.example>");
        reply.setText("One more detail.", "UTF-8");
        mailbox.deliver(reply);

        poller.poll();

        assertThat(tickets.find(ticket.key()).orElseThrow().status()).isEqualTo(TicketStatus.IN_ANALYSIS);
        assertThat(ticketsOf(customer)).isEqualTo(1);
    }

    @Test
    void anUnknownMessageIdOpensANewTicket() throws Exception {
        String customer = customer();
        MimeMessage mail = mail(customer, "Printer offline");
        mail.setHeader("In-Reply-To", "<OPS-000001." + UUID.randomUUID() + "@localhost>");
        mail.setText("The printer on floor 3 is offline.", "UTF-8");
        mailbox.deliver(mail);

        poller.poll();

        assertThat(ticketsOf(customer)).isEqualTo(1);
        assertThat(jdbc.sql("select title from ticket where customer_email = :e").param("e", customer).query(String.class)
                .single()).isEqualTo("Printer offline");
    }

    @Test
    void aThreadedReplyFromSomeoneElseIsIgnoredAsToday() throws Exception {
        String customer = customer();
        Ticket ticket = waitingForCustomer(customer);
        String stranger = customer();
        MimeMessage reply = mail(stranger, "Re: your question");
        reply.setHeader("In-Reply-To", last(messageIdsSentTo(customer)));
        reply.setText("Close it please", "UTF-8");
        mailbox.deliver(reply);

        poller.poll();

        assertThat(tickets.find(ticket.key()).orElseThrow().status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
        assertThat(tickets.timeline(ticket.key(), true)).extracting(TimelineEntry::message).doesNotContain("Close it please");
        assertThat(ticketsOf(stranger)).isZero();
        assertThat(jdbc.sql("select outcome from inbound_mail where sender = :s").param("s", stranger).query(String.class)
                .single()).isEqualTo("REFUSED_SENDER");
    }

    private Ticket waitingForCustomer(String email) {
        Http http = new Http(port);
        String key = http.postJson("/api/tickets", Map.of("type", "FAULT", "title", "Export misses rows",
                "description", "Rows are missing", "system", "billing", "impact", "LOW", "urgency", "LOW",
                "customer", Map.of("name", "Li Wei", "email", email, "locale", "en"))).json().get("key").asText();
        Jobs.runDue(engine, key);
        new Tasklist(http, "alice").complete(key, Elements.TRIAGE, Map.of(
                Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "LOW", Variables.URGENCY, "LOW",
                Variables.ANALYSIS, "Need the log", Variables.TRIAGE_OUTCOME, "NEED_INFORMATION",
                Variables.HANDLING_PLAN, "We look at the log", Variables.INFORMATION_REQUEST, "Please send the export log"));
        Jobs.runDue(engine, key);
        Ticket ticket = tickets.find(key).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
        return ticket;
    }

    /** The Message-IDs of the mails the customer received, oldest first (acknowledgement, information request). */
    private List<String> messageIdsSentTo(String customer) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (MimeMessage received : mailsTo(smtp, customer)) {
            ids.add(received.getMessageID());
        }
        return ids;
    }

    private static String last(List<String> ids) {
        return ids.get(ids.size() - 1);
    }

    private long ticketsOf(String email) {
        return jdbc.sql("select count(*) from ticket where customer_email = :e").param("e", email).query(Long.class).single();
    }

    private static MimeMessage mail(String from, String subject) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(mailbox.address()));
        mail.setSubject(subject, "UTF-8");
        mail.setSentDate(new java.util.Date());
        return mail;
    }

    private static String customer() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
