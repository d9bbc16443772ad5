package io.opsdesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;


import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.Tasklist;
import io.opsdesk.attachment.AttachmentService;
import io.opsdesk.attachment.NewAttachment;
import io.opsdesk.portal.PortalClient;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.ticket.TicketRepository;
import io.opsdesk.ticket.TimelineEntry;
import io.opsdesk.ticket.Visibility;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The customer's whole way through the channels: a ticket submitted in the Chinese portal, support asks
 * for information, the customer answers by e-mail, support delivers a data extract as an attachment, and
 * the customer downloads it and accepts with a rating in the portal. The public timeline tells it all.
 */
@OpsDeskTest
class CustomerChannelsJourneyTest {

    @RegisterExtension
    static final TestMailbox mailbox = new TestMailbox("support-journey@opsdesk.test", "journey");

    @LocalServerPort
    int port;
    final InboundMailProcessor processor;
    final AttachmentService attachments;
    final TicketRepository tickets;
    final JdbcClient jdbc;
    final ProcessEngine engine;

    CustomerChannelsJourneyTest(InboundMailProcessor processor, AttachmentService attachments, TicketRepository tickets,
            JdbcClient jdbc, ProcessEngine engine) {
        this.processor = processor;
        this.attachments = attachments;
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.engine = engine;
    }

    @Test
    void portalInChineseAnswerByMailDeliveredFileAcceptedWithRating() throws Exception {
        String email = "wang-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        PortalClient browser = new PortalClient(port, "zh-CN,zh;q=0.9");
        Map<String, String> form = new HashMap<>(Map.of("type", "DATA_REQUEST", "title", "十月订单导出",
                "description", "请导出十月份的全部订单。", "system", "erp", "impact", "LOW", "urgency", "MEDIUM",
                "name", "王芳", "email", email, "organization", "ACME", "locale", "zh-CN"));
        assertThat(browser.submit("/portal/tickets/new", "new-ticket", form).status()).isEqualTo(302);
        Document created = browser.get("/portal/tickets/created").html();
        String key = created.getElementById("ticket-key").text();
        Document tracking = browser.open(created.getElementById("tracking-link").attr("href")).html();
        assertThat(tracking.getElementById("ticket-key").text()).isEqualTo(key);
        Jobs.runDue(engine, key);

        Tasklist alice = new Tasklist(new Http(port), "alice");
        alice.complete(key, Elements.TRIAGE, Map.of(Variables.TICKET_TYPE, "DATA_REQUEST", Variables.IMPACT, "LOW",
                Variables.URGENCY, "MEDIUM", Variables.ANALYSIS, "Needs the date range", Variables.TRIAGE_OUTCOME, "NEED_INFORMATION",
                Variables.INFORMATION_REQUEST, "按下单日期还是发货日期？"));
        Jobs.runDue(engine, key);

        MimeMessage answer = new MimeMessage(Session.getInstance(new Properties()));
        answer.setFrom(new InternetAddress(email, "王芳", "UTF-8"));
        answer.setRecipient(Message.RecipientType.TO, new InternetAddress(mailbox.address()));
        answer.setSubject("Re: [" + key + "] 需要您补充信息", "UTF-8");
        answer.setText("按下单日期。", "UTF-8");
        mailbox.deliver(answer);
        mailbox.poller(processor).poll();

        alice.complete(key, Elements.TRIAGE, Map.of(Variables.TICKET_TYPE, "DATA_REQUEST", Variables.IMPACT, "LOW",
                Variables.URGENCY, "MEDIUM", Variables.ANALYSIS, "By order date", Variables.TRIAGE_OUTCOME, "RESOLVE_IN_SUPPORT",
                Variables.HANDLING_PLAN, "今天导出并交付。"));
        Jobs.runDue(engine, key);
        attachments.add(key, new NewAttachment("orders-2026-10.csv", "text/csv",
                "order,date,amount\n1001,2026-10-03,20.50\n".getBytes(StandardCharsets.UTF_8)), "alice", Visibility.PUBLIC);
        alice.complete(key, Elements.RESOLVE_IN_SUPPORT, Map.of(Variables.RESOLUTION, "导出文件见附件。"));
        Jobs.runDue(engine, key);

        tracking = browser.get("/portal/tickets/" + key).html();
        assertThat(tracking.getElementById("status").attr("data-status")).isEqualTo("AWAITING_ACCEPTANCE");
        assertThat(browser.get(tracking.selectFirst("#attachments a").attr("href")).body()).startsWith("order,date,amount");
        assertThat(browser.submit("/portal/tickets/" + key, "accept-form", Map.of("rating", "5", "comment", "谢谢")).status())
                .isEqualTo(302);

        assertThat(tickets.findByKey(key).orElseThrow().acceptanceRating()).isEqualTo(5);
        List<String> publicTimeline = tickets.timeline(key, false).stream().map(TimelineEntry::message).toList();
        assertThat(publicTimeline).containsSubsequence(
                "Ticket received via PORTAL",
                "Status: WAITING_FOR_CUSTOMER",
                "按下单日期。",
                "Attachment added: orders-2026-10.csv (40 bytes)",
                "Status: AWAITING_ACCEPTANCE",
                "Customer accepted the delivery (rating 5/5): 谢谢");
        assertThat(publicTimeline.get(publicTimeline.size() - 1)).startsWith("Status: CLOSED");
    }
}
