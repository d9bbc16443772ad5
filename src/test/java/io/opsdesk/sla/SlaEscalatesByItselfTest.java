package io.opsdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.TestMailServer;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.TimelineEntry;

/**
 * With the job executor running, as in production: a P1 ticket's first-response warning (75 % of
 * 30 min round the clock) happens by itself once its time comes, and the API shows the SLA.
 */
@OpsDeskTest
class SlaEscalatesByItselfTest {

    @LocalServerPort
    int port;
    final ProcessEngine engine;
    final Tickets tickets;
    final GreenMail greenMail;

    SlaEscalatesByItselfTest(ProcessEngine engine, Tickets tickets, GreenMail greenMail) {
        this.engine = engine;
        this.tickets = tickets;
        this.greenMail = greenMail;
    }

    private JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    @AfterEach
    void stopExecutor() {
        jobExecutor().shutdown();
        ClockUtil.reset();
    }

    @Test
    void aP1TicketWarnsItsGroupByItselfAndShowsUpAsOverdueAfterItsBreach() {
        Http http = new Http(port);
        Http.Response response = http.postJson("/api/tickets", Map.of("type", "FAULT", "title", "Payments down",
                "description", "No payment goes through", "system", "payments", "impact", "HIGH", "urgency", "HIGH",
                "customer", Map.of("name", "Sun Li", "email", "sun.li-" + UUID.randomUUID() + "@example.com")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = response.json();
        String key = created.get("key").asText();
        Jobs.awaitStarted(engine, key);
        JsonNode sla = http.get("/api/tickets/" + key, "X-Tracking-Token", created.get("trackingToken").asText()).json().get("sla");
        assertThat(sla.get("calendar").asText()).isEqualTo("24x7");
        assertThat(sla.get("firstResponseMet").isNull()).isTrue();

        jobExecutor().start();
        // 23 minutes later: past the 75 % warning (22.5 min), before the breach (30 min)
        ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + Duration.ofMinutes(23).toMillis()));

        // the mail leaves inside the step's transaction: the timeline entry is there once that commits
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(subjectsFor("alice@opsdesk.example", key)).singleElement().asString().contains("SLA 预警");
            assertThat(types(key)).containsOnlyOnce("SLA_WARNING").doesNotContain("SLA_BREACH");
        });

        ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + Duration.ofMinutes(31).toMillis()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(subjectsFor("carol@opsdesk.example", key)).singleElement().asString().contains("SLA 已超时");
            assertThat(types(key)).containsOnlyOnce("SLA_BREACH");
        });
        JsonNode overdue = http.get("/api/tickets?overdue=true&size=100", "Authorization", Http.basic("carol", "carol")).json();
        assertThat(overdue.get("items").findValuesAsText("key")).contains(key);
        JsonNode view = http.get("/api/tickets/" + key, "Authorization", Http.basic("carol", "carol")).json().get("sla");
        assertThat(view.get("firstResponseMet").asBoolean()).isFalse();
    }

    private List<String> types(String key) {
        return tickets.timeline(key, true).stream().map(TimelineEntry::type).toList();
    }

    private List<String> subjectsFor(String recipient, String key) {
        return TestMailServer.mailsTo(greenMail, recipient).stream().map(message -> {
            try {
                return message.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).filter(subject -> subject.startsWith("[" + key + "]")).toList();
    }
}
