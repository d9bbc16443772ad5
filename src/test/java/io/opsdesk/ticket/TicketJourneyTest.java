package io.opsdesk.ticket;

import static io.opsdesk.TestMailServer.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.Tasklist;
import io.opsdesk.TestMailServer;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import jakarta.mail.internet.MimeMessage;

/**
 * From {@code POST /api/tickets} to {@code CLOSED}: the customer through the HTTP API, the demo staff
 * through Camunda's REST API as Tasklist uses it, and every customer mail received by a real SMTP server.
 */
@OpsDeskTest
class TicketJourneyTest {

    @LocalServerPort
    int port;
    final ProcessEngine engine;
    final GreenMail greenMail;

    Http http;
    Tasklist alice;
    Tasklist bob;
    Tasklist carol;

    TicketJourneyTest(ProcessEngine engine, GreenMail greenMail) {
        this.engine = engine;
        this.greenMail = greenMail;
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        alice = new Tasklist(http, "alice");
        bob = new Tasklist(http, "bob");
        carol = new Tasklist(http, "carol");
    }

    @Test
    void supportResolvesAndCustomerAcceptsWithRating() throws Exception {
        String email = customerEmail();
        JsonNode created = createTicket(email, "en");
        String key = created.get("key").asText();
        Jobs.runDue(engine, key);

        alice.complete(key, Elements.TRIAGE, Map.of(
                Variables.TICKET_TYPE, "BUSINESS_QUESTION", Variables.IMPACT, "LOW", Variables.URGENCY, "MEDIUM",
                Variables.ANALYSIS, "Known behaviour of the export filter",
                Variables.TRIAGE_OUTCOME, "RESOLVE_IN_SUPPORT",
                Variables.HANDLING_PLAN, "We will explain the filter settings today."));
        Jobs.runDue(engine, key);
        alice.complete(key, Elements.RESOLVE_IN_SUPPORT, Map.of(
                Variables.RESOLUTION, "Set the filter to 'all regions' under Settings > Export."));
        Jobs.runDue(engine, key);

        List<MimeMessage> mails = mailsTo(greenMail, email);
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactly(
                "[" + key + "] We have received your request: Export misses rows",
                "[" + key + "] How we will handle your ticket: Export misses rows",
                "[" + key + "] Delivered, please check: Export misses rows");
        String delivery = TestMailServer.text(mails.get(2));
        assertThat(delivery).contains("all regions");

        // the token in the delivery mail opens the ticket, just like the one returned at creation
        String mailToken = tokenIn(mails.get(2));
        JsonNode ticket = http.get("/api/tickets/" + key, "X-Tracking-Token", mailToken).json();
        assertThat(ticket.get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
        assertThat(ticket.get("priority").asText()).isEqualTo("P4");

        Http.Response accepted = http.postJson("/api/tickets/" + key + "/acceptance",
                Map.of("accepted", true, "rating", 5, "comment", "Works, thanks"),
                "X-Tracking-Token", created.get("trackingToken").asText());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode closed = accepted.json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("acceptanceRating").asInt()).isEqualTo(5);
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(closed.get("resolvedAt").isNull()).isFalse();
        assertThat(closed.get("firstResponseAt").isNull()).isFalse();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        // the customer sees the public timeline only
        assertThat(closed.get("timeline").findValuesAsText("visibility")).containsOnly("PUBLIC");
        assertThat(closed.get("timeline").findValuesAsText("message")).contains(
                "Status: IN_ANALYSIS", "Status: IN_PROGRESS", "Status: AWAITING_ACCEPTANCE",
                "Customer accepted the delivery (rating 5/5): Works, thanks");
    }

    @Test
    void developmentFixFailsVerificationOnceThenIsDeliveredAndClosed() throws Exception {
        String email = customerEmail();
        JsonNode created = createTicket(email, "zh-CN");
        String key = created.get("key").asText();
        String token = created.get("trackingToken").asText();
        Jobs.runDue(engine, key);
        String agreed = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(14).toString();

        alice.complete(key, Elements.TRIAGE, Map.of(
                Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "HIGH", Variables.URGENCY, "HIGH",
                Variables.ANALYSIS, "Export job runs out of memory above 1M rows",
                Variables.TRIAGE_OUTCOME, "HAND_TO_DEVELOPMENT",
                Variables.HANDLING_PLAN, "开发团队将修复导出任务。",
                Variables.AGREED_DELIVERY_DATE, agreed));
        Jobs.runDue(engine, key);
        assertThat(customerStatus(key, token)).isEqualTo("IN_DEVELOPMENT");
        JsonNode implement = bob.task(key, Elements.IMPLEMENT_FIX);
        assertThat(implement.get("due").asText()).startsWith(agreed);
        assertThat(implement.get("name").asText()).isEqualTo(key + " · Implement fix: Export misses rows");

        bob.complete(key, Elements.IMPLEMENT_FIX, Map.of(Variables.IMPLEMENTATION_NOTES, "Stream rows instead of loading all"));
        assertThat(customerStatus(key, token)).isEqualTo("IN_TESTING");
        alice.complete(key, Elements.VERIFY_FIX, Map.of(Variables.VERIFICATION_PASSED, false,
                Variables.VERIFICATION_FINDINGS, "Totals row missing in the last page"));
        assertThat(customerStatus(key, token)).isEqualTo("IN_DEVELOPMENT");
        assertThat(bob.task(key, Elements.IMPLEMENT_FIX).get("id").asText()).isNotEqualTo(implement.get("id").asText());

        bob.complete(key, Elements.IMPLEMENT_FIX, Map.of(Variables.IMPLEMENTATION_NOTES, "Totals row written after streaming"));
        alice.complete(key, Elements.VERIFY_FIX, Map.of(Variables.VERIFICATION_PASSED, true,
                Variables.VERIFICATION_FINDINGS, "1.2M rows exported with totals",
                Variables.RESOLUTION, "导出任务已改为流式处理，大数据量导出不再失败。"));
        Jobs.runDue(engine, key);

        JsonNode staffView = http.get("/api/tickets/" + key, "Authorization", Http.basic("alice", "alice")).json();
        assertThat(staffView.get("testFailureCount").asInt()).isEqualTo(1);
        assertThat(staffView.get("priority").asText()).isEqualTo("P1");
        assertThat(staffView.get("timeline").findValuesAsText("message"))
                .anyMatch(m -> m.startsWith("Verification failed (1), back to development: Totals row missing"));

        Http.Response accepted = http.postJson("/api/tickets/" + key + "/acceptance", Map.of("accepted", true),
                "X-Tracking-Token", token);
        assertThat(accepted.json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(mailsTo(greenMail, email)).extracting(MimeMessage::getSubject).containsExactly(
                "[" + key + "] 我们已收到您的请求：Export misses rows",
                "[" + key + "] 您的工单处理方案：Export misses rows",
                "[" + key + "] 已交付，请验收：Export misses rows");
    }

    @Test
    void supervisorAssignsTheDeveloperWhenTheOwnerIsUnclear() {
        JsonNode created = createTicket(customerEmail(), "en");
        String key = created.get("key").asText();
        Jobs.runDue(engine, key);
        alice.complete(key, Elements.TRIAGE, Map.of(
                Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "MEDIUM", Variables.URGENCY, "MEDIUM",
                Variables.ANALYSIS, "Somewhere between billing and reporting",
                Variables.TRIAGE_OUTCOME, "SUPERVISOR_ASSIGNS",
                Variables.HANDLING_PLAN, "A developer will be assigned and fix it."));
        Jobs.runDue(engine, key);

        String agreed = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString();
        Http.Response notADeveloper = carol.work(key, Elements.ASSIGN_DEVELOPER, Map.of(
                Variables.DEVELOPER, "alice", Variables.AGREED_DELIVERY_DATE, agreed));
        assertThat(notADeveloper.status()).isEqualTo(400);
        assertThat(notADeveloper.json().get("message").asText()).contains("developer: 'alice' is not a member of the development group");

        carol.complete(key, Elements.ASSIGN_DEVELOPER, Map.of(Variables.DEVELOPER, "bob", Variables.AGREED_DELIVERY_DATE, agreed));
        JsonNode implement = bob.task(key, Elements.IMPLEMENT_FIX);
        assertThat(implement.get("assignee").asText()).isEqualTo("bob");
        JsonNode staffView = http.get("/api/tickets/" + key, "Authorization", Http.basic("carol", "carol")).json();
        assertThat(staffView.get("assignee").asText()).isEqualTo("bob");
        assertThat(staffView.get("owningGroup").asText()).isEqualTo("development");
        assertThat(staffView.get("agreedDeliveryDate").asText()).isEqualTo(agreed);
    }

    private JsonNode createTicket(String email, String locale) {
        Http.Response response = http.postJson("/api/tickets", Map.of(
                "type", "FAULT", "title", "Export misses rows",
                "description", "The monthly export stops after 50% of the rows.",
                "system", "billing", "impact", "MEDIUM", "urgency", "MEDIUM",
                "customer", Map.of("name", "Li Wei", "email", email, "organization", "ACME", "locale", locale)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/tickets/" + response.json().get("key").asText());
        return response.json();
    }

    private String customerStatus(String key, String token) {
        return http.get("/api/tickets/" + key, "X-Tracking-Token", token).json().get("status").asText();
    }

    private static String customerEmail() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

    private static String tokenIn(MimeMessage mail) throws Exception {
        Matcher matcher = Pattern.compile("<code>([A-Za-z0-9_-]{43})</code>").matcher(TestMailServer.html(mail));
        assertThat(matcher.find()).as("tracking token in the mail").isTrue();
        return matcher.group(1);
    }
}
