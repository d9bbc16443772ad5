package io.opsdesk.ticket;

import static io.opsdesk.TestMailServer.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import org.camunda.bpm.engine.ProcessEngine;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.Tasklist;
import io.opsdesk.TestMailServer;
import io.opsdesk.identity.Groups;
import io.opsdesk.portal.PortalClient;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import jakarta.mail.internet.MimeMessage;

/**
 * What the customer is promised and who did what: the delivery date agreed at triage reaches the customer in
 * the handling-plan mail and on the portal's tracking page (both languages); the staff timeline names the user
 * who completed each task, the customer for the customer's own steps, and OpsDesk for the system's.
 */
@OpsDeskTest
class DeliveryDateAndActorsTest {

    // a name no other test class uses: test classes share one engine (LoginThrottleTest has its own "dora")
    static final String SECOND_SUPPORTER = "sunli";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    GreenMail greenMail;

    Http http;

    @BeforeEach
    void secondSupportEngineer() {
        http = new Http(port);
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(SECOND_SUPPORTER).count() == 0) {
            User sunli = identity.newUser(SECOND_SUPPORTER);
            sunli.setPassword(SECOND_SUPPORTER);
            identity.saveUser(sunli);
            identity.createMembership(SECOND_SUPPORTER, Groups.SUPPORT);
        }
    }

    @ParameterizedTest
    @CsvSource({"zh-CN, 预计交付日期", "en, Expected delivery date"})
    void theAgreedDeliveryDateReachesTheCustomerByMailAndOnTheTrackingPage(String locale, String label)
            throws Exception {
        String email = customerEmail();
        JsonNode created = createTicket(email, locale);
        String key = created.get("key").asText();
        Jobs.runDue(engine, key);
        String agreed = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(17).toString();

        new Tasklist(http, "alice").complete(key, Elements.TRIAGE, Map.of(
                Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "MEDIUM", Variables.URGENCY, "MEDIUM",
                Variables.ANALYSIS, "Export job runs out of memory",
                Variables.TRIAGE_OUTCOME, "HAND_TO_DEVELOPMENT",
                Variables.HANDLING_PLAN, "Development streams the export rows.",
                Variables.AGREED_DELIVERY_DATE, agreed));
        Jobs.runDue(engine, key);

        List<MimeMessage> mails = mailsTo(greenMail, email);
        assertThat(mails).hasSize(2);
        String plan = TestMailServer.text(mails.get(1));
        assertThat(plan).contains("Development streams the export rows.").contains(label + ": " + agreed);

        PortalClient portal = new PortalClient(port, locale);
        Document page = portal.open("/portal/tickets/" + key + "?token=" + created.get("trackingToken").asText()).html();
        assertThat(page.getElementById("delivery-date")).as("expected delivery date on the tracking page").isNotNull();
        assertThat(page.getElementById("delivery-date").text()).isEqualTo(agreed);
        assertThat(page.getElementById("delivery-date").previousElementSibling().text()).isEqualTo(label);
        assertThat(page.getElementById("handling-plan").text()).isEqualTo("Development streams the export rows.");
    }

    @Test
    void theTimelineNamesWhoDidEachStep() {
        JsonNode created = createTicket(customerEmail(), "en");
        String key = created.get("key").asText();
        String token = created.get("trackingToken").asText();
        Jobs.runDue(engine, key);
        String agreed = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();

        new Tasklist(http, "alice").complete(key, Elements.TRIAGE, Map.of(
                Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "MEDIUM", Variables.URGENCY, "MEDIUM",
                Variables.ANALYSIS, "Between billing and reporting", Variables.TRIAGE_OUTCOME, "SUPERVISOR_ASSIGNS",
                Variables.HANDLING_PLAN, "A developer will fix it."));
        Jobs.runDue(engine, key);
        new Tasklist(http, "carol").complete(key, Elements.ASSIGN_DEVELOPER,
                Map.of(Variables.DEVELOPER, "bob", Variables.AGREED_DELIVERY_DATE, agreed));
        Http.Response reply = http.postJson("/api/tickets/" + key + "/replies", Map.of("message", "It also fails on Fridays"),
                "X-Tracking-Token", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Tasklist bob = new Tasklist(http, "bob");
        Tasklist sunli = new Tasklist(http, SECOND_SUPPORTER);
        bob.complete(key, Elements.IMPLEMENT_FIX, Map.of(Variables.IMPLEMENTATION_NOTES, "Stream the rows"));
        sunli.complete(key, Elements.VERIFY_FIX, Map.of(Variables.VERIFICATION_PASSED, false,
                Variables.VERIFICATION_FINDINGS, "Totals row missing"));
        bob.complete(key, Elements.IMPLEMENT_FIX, Map.of(Variables.IMPLEMENTATION_NOTES, "Totals row written"));
        sunli.complete(key, Elements.VERIFY_FIX, Map.of(Variables.VERIFICATION_PASSED, true,
                Variables.VERIFICATION_FINDINGS, "Exported with totals", Variables.RESOLUTION, "The export streams its rows."));
        Jobs.runDue(engine, key);
        Http.Response accepted = http.postJson("/api/tickets/" + key + "/acceptance", Map.of("accepted", true),
                "X-Tracking-Token", token);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        Map<String, Set<String>> actors = actorsByStep(key);
        assertThat(actors).containsEntry("RECEIVED", Set.of("Li Wei"))
                .containsEntry("TRIAGE", Set.of("alice"))
                .containsEntry("ASSIGNED", Set.of("carol"))
                .containsEntry("CUSTOMER_REPLY", Set.of("Li Wei"))
                .containsEntry("IMPLEMENTED", Set.of("bob"))
                .containsEntry("VERIFICATION_FAILED", Set.of(TicketRecord.OPSDESK))
                .containsEntry("VERIFIED", Set.of(SECOND_SUPPORTER))
                .containsEntry("ACCEPTED", Set.of("Li Wei"))
                .containsEntry("STATUS", Set.of(TicketRecord.OPSDESK))
                .containsEntry("PRIORITY", Set.of(TicketRecord.OPSDESK))
                .containsEntry("MAIL", Set.of(TicketRecord.OPSDESK));
    }

    @Test
    void theTimelineNamesTheSupportEngineerWhoResolved() {
        JsonNode created = createTicket(customerEmail(), "zh-CN");
        String key = created.get("key").asText();
        Jobs.runDue(engine, key);
        new Tasklist(http, "alice").complete(key, Elements.TRIAGE, Map.of(
                Variables.TICKET_TYPE, "BUSINESS_QUESTION", Variables.IMPACT, "LOW", Variables.URGENCY, "LOW",
                Variables.ANALYSIS, "Known behaviour", Variables.TRIAGE_OUTCOME, "RESOLVE_IN_SUPPORT",
                Variables.HANDLING_PLAN, "We explain the settings."));
        Jobs.runDue(engine, key);
        new Tasklist(http, SECOND_SUPPORTER).complete(key, Elements.RESOLVE_IN_SUPPORT,
                Map.of(Variables.RESOLUTION, "Set the filter to all regions."));
        Jobs.runDue(engine, key);

        assertThat(actorsByStep(key)).containsEntry("TRIAGE", Set.of("alice")).containsEntry("RESOLVED", Set.of(SECOND_SUPPORTER));
    }

    /** The staff view of the timeline: each entry type with the actors it was written by. */
    private Map<String, Set<String>> actorsByStep(String key) {
        JsonNode ticket = http.get("/api/tickets/" + key, "Authorization", Http.basic("carol", "carol")).json();
        Map<String, Set<String>> actors = new LinkedHashMap<>();
        List<JsonNode> entries = new ArrayList<>();
        ticket.get("timeline").forEach(entries::add);
        for (JsonNode entry : entries) {
            actors.computeIfAbsent(entry.get("type").asText(), type -> new TreeSet<>()).add(entry.get("actor").asText());
        }
        return actors;
    }

    private JsonNode createTicket(String email, String locale) {
        Http.Response response = http.postJson("/api/tickets", Map.of(
                "type", "FAULT", "title", "Export misses rows", "description", "The monthly export stops at 50%.",
                "system", "billing", "impact", "MEDIUM", "urgency", "MEDIUM",
                "customer", Map.of("name", "Li Wei", "email", email, "locale", locale)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static String customerEmail() {
        return "promise-" + UUID.randomUUID() + "@example.com";
    }
}
