package io.opsdesk.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;

/** Tickets as customers open them, and as staff read them, through OpsDesk's HTTP API. */
final class TicketFixture {

    /** A created ticket: its key and the customer's tracking token. */
    record Opened(String key, String token) {
    }

    private final Http http;

    TicketFixture(Http http) {
        this.http = http;
    }

    /** A fault with high impact and medium urgency: priority P2, standard tier. */
    Opened open(String title) {
        Http.Response response = http.postJson("/api/tickets", Map.of(
                "type", "FAULT", "title", title, "description", "Reported while the processes were being changed.",
                "system", "billing", "impact", "HIGH", "urgency", "MEDIUM",
                "customer", Map.of("name", "Li Wei", "email", "customer-" + UUID.randomUUID() + "@example.com",
                        "locale", "en")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Opened(response.json().get("key").asText(), response.json().get("trackingToken").asText());
    }

    /** The ticket as staff see it, timeline included. */
    JsonNode read(String key) {
        Http.Response response = http.get("/api/tickets/" + key, "Authorization", Http.basic("alice", "alice"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
