package io.opsdesk.modeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
        String key = response.json().get("key").asText();
        // the process starts moments after the 201 (queued intake); its first step sets the priority
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !read(key).path("priority").isNull());
        return new Opened(key, response.json().get("trackingToken").asText());
    }

    /** The ticket as staff see it, timeline included. */
    JsonNode read(String key) {
        Http.Response response = http.get("/api/tickets/" + key, "Authorization", Http.basic("alice", "alice"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
