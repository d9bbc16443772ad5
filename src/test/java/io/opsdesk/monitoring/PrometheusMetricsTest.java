package io.opsdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;

/** /actuator/prometheus for staff: OpsDesk's meters move with a ticket created through the API and its mail. */
@OpsDeskTest
class PrometheusMetricsTest {

    private static final String ALICE = Http.basic("alice", "alice");

    @LocalServerPort
    int port;
    final ProcessEngine engine;

    Http http;

    PrometheusMetricsTest(ProcessEngine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anonymousCallersGet401() {
        Http.Response response = http.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void aTicketAndItsMailMoveOpsDesksMeters() {
        double createdBefore = value(scrape(), "opsdesk_tickets_received_total{channel=\"api\"}");
        double sentBefore = value(scrape(), "opsdesk_mails_sent_total");

        Http.Response created = http.postJson("/api/tickets", """
                {"type": "FAULT", "title": "Metrics", "description": "counted", "system": "billing",
                 "impact": "LOW", "urgency": "LOW",
                 "customer": {"name": "Li Wei", "email": "%s@example.com", "locale": "en"}}""".formatted(UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Jobs.awaitStarted(engine, created.json().get("key").asText());
        String afterCreate = scrape();
        assertThat(value(afterCreate, "opsdesk_tickets_received_total{channel=\"api\"}")).isEqualTo(createdBefore + 1);
        assertThat(value(afterCreate, "opsdesk_tickets_open{status=\"new\"}")).isGreaterThanOrEqualTo(1);
        // the acknowledgement is an asynchronous step: due now, waiting for the (here switched off) job executor
        assertThat(value(afterCreate, "opsdesk_jobs_due")).isGreaterThanOrEqualTo(1);
        assertThat(value(afterCreate, "opsdesk_jobs_due_lag_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(afterCreate).contains("opsdesk_sla_steps_total{clock=\"resolution\",step=\"breach\"}",
                "opsdesk_incidents_open ", "opsdesk_jobs_failed ", "opsdesk_mails_failed_total ",
                "opsdesk_tickets_start_queued ", "opsdesk_tickets_start_failing ");

        Jobs.runDue(engine, created.json().get("key").asText());
        assertThat(value(scrape(), "opsdesk_mails_sent_total")).isGreaterThan(sentBefore);
    }

    private String scrape() {
        Http.Response response = http.get("/actuator/prometheus", "Authorization", ALICE);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(line.find()).as(series + " in\n" + scrape).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
