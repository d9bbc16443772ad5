package io.opsdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.Tickets;

/**
 * An organisation's tier reaches {@code sla-policy.dmn} through a ticket opened with {@code POST /api/tickets}: the
 * P1 targets of processes/sla-policy.dmn are PREMIUM 15 min / 2 h and STANDARD 30 min / 4 h, both on 24x7, so the due
 * dates are the receipt time plus the target.
 */
@OpsDeskTest
class OrganisationTierTest {

    static final String MIKE = Http.basic("mike", "mike");
    static final String ALICE = Http.basic("alice", "alice");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Tickets tickets;

    Http http;
    String domain;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        domain = "premium-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    }

    @Test
    void premiumOrganisationsTicketGetsPremiumTargetsByDomain() {
        long organisation = organisation("Premium " + domain, "PREMIUM", List.of(domain));

        Ticket ticket = p1Ticket("ops@" + domain.toUpperCase(), null);

        assertThat(ticket.sla().customerTier()).isEqualTo("PREMIUM");
        assertTargets(ticket, "PT15M", "PT2H");
        assertThat(ticket.customerOrganization()).isEqualTo("Premium " + domain);
        JsonNode view = http.get("/api/tickets/" + ticket.key(), "Authorization", ALICE).json();
        assertThat(view.at("/sla/customerTier").asText()).isEqualTo("PREMIUM");
        assertThat(Instant.parse(view.at("/sla/firstResponseDue").asText())).isEqualTo(ticket.createdAt().plus(Duration.ofMinutes(15)));
        assertThat(http.get("/api/organisations/" + organisation, "Authorization", ALICE).json().get("slaTier").asText())
                .isEqualTo("PREMIUM");
    }

    @Test
    void unknownCustomerAndStandardOrganisationGetStandardTargets() {
        organisation("Standard " + domain, "STANDARD", List.of(domain));

        assertTargets(p1Ticket("ops@" + domain, null), "PT30M", "PT4H");
        Ticket stranger = p1Ticket("ops@nobody-" + domain, null);
        assertTargets(stranger, "PT30M", "PT4H");
        assertThat(stranger.sla().customerTier()).isEqualTo("STANDARD");
        assertThat(stranger.customerOrganization()).isNull();
    }

    @Test
    void knownCustomerIsMatchedByAddressBeforeDomainAndKeepsTheOrganisationItGave() {
        organisation("Standard " + domain, "STANDARD", List.of(domain));
        long premium = organisation("Premium partner " + domain, "PREMIUM", List.of());
        http.postJson("/api/customers", Map.of("email", "Li.Wei@" + domain, "name", "Li Wei", "organisationId", premium),
                "Authorization", MIKE);

        Ticket ticket = p1Ticket("li.wei@" + domain, "Li's own company");

        assertThat(ticket.sla().customerTier()).isEqualTo("PREMIUM");
        assertTargets(ticket, "PT15M", "PT2H");
        assertThat(ticket.customerOrganization()).isEqualTo("Li's own company");
    }

    @Test
    void aTierChangeAppliesToNewTicketsOnly() {
        long organisation = organisation("Changing " + domain, "PREMIUM", List.of(domain));
        Ticket before = p1Ticket("ops@" + domain, null);

        Http.Response changed = http.send("PUT", "/api/organisations/" + organisation, json(Map.of(
                "name", "Changing " + domain, "slaTier", "STANDARD", "domains", List.of(domain))),
                "Authorization", MIKE, "Content-Type", "application/json");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        Ticket after = p1Ticket("ops@" + domain, null);

        Ticket unchanged = tickets.find(before.key()).orElseThrow();
        assertThat(unchanged.sla().customerTier()).isEqualTo("PREMIUM");
        assertTargets(unchanged, "PT15M", "PT2H");
        assertThat(after.sla().customerTier()).isEqualTo("STANDARD");
        assertTargets(after, "PT30M", "PT4H");
    }

    private long organisation(String name, String tier, List<String> domains) {
        Http.Response created = http.postJson("/api/organisations", Map.of("name", name, "slaTier", tier, "domains", domains),
                "Authorization", MIKE);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** A FAULT with high impact and urgency: P1 by ticket-priority.dmn, whatever the tier. */
    private Ticket p1Ticket(String email, String organisation) {
        Map<String, Object> customer = new java.util.HashMap<>(Map.of("name", "Customer", "email", email, "locale", "en"));
        if (organisation != null) {
            customer.put("organization", organisation);
        }
        Http.Response created = http.postJson("/api/tickets", Map.of("type", "FAULT", "title", "Payments stopped",
                "description", "No payment goes through", "system", "payments", "impact", "HIGH", "urgency", "HIGH",
                "customer", customer));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asText();
        Jobs.runDue(engine, key);
        Ticket ticket = tickets.find(key).orElseThrow();
        assertThat(ticket.priority()).isEqualTo("P1");
        return ticket;
    }

    private static void assertTargets(Ticket ticket, String firstResponse, String resolution) {
        Ticket.Sla sla = ticket.sla();
        assertThat(sla.calendar()).isEqualTo("24x7");
        assertThat(sla.firstResponseTarget()).isEqualTo(firstResponse);
        assertThat(sla.resolutionTarget()).isEqualTo(resolution);
        assertThat(sla.firstResponseDue()).isEqualTo(ticket.createdAt().plus(Duration.parse(firstResponse)));
        assertThat(sla.resolutionDue()).isEqualTo(ticket.createdAt().plus(Duration.parse(resolution)));
    }

    static String json(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
