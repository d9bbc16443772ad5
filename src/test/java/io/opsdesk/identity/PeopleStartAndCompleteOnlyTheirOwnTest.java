package io.opsdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;

/** The initiator and trusted variables cannot be forged, and an assigned task is still only its group's to complete. */
@OpsDeskTest
class PeopleStartAndCompleteOnlyTheirOwnTest {

    @LocalServerPort
    int port;
    final ProcessEngine engine;

    Http http;

    PeopleStartAndCompleteOnlyTheirOwnTest(ProcessEngine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aForgedInitiatorOrTriggerIsRefusedAndNothingStarts() {
        long releases = count("release-delivery");
        Http.Response forged = http.postJson("/engine-rest/process-definition/key/release-delivery/submit-form",
                Map.of("variables", Map.of("releaseVersion", Map.of("value", "9.9.9"), "ticketKeys", Map.of("value", "OPS-000001"),
                        "initiator", Map.of("value", "mike"))), "Authorization", Http.basic("alice", "alice"));
        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(forged.json().get("message").asText()).contains("initiator").contains("alice");
        assertThat(count("release-delivery")).isEqualTo(releases);

        long inspections = count("daily-inspection");
        Http.Response trigger = http.postJson("/engine-rest/process-definition/key/daily-inspection/start",
                Map.of("variables", Map.of("trigger", Map.of("value", "schedule"))), "Authorization", Http.basic("alice", "alice"));
        assertThat(trigger.status()).as(trigger.body()).isEqualTo(403);
        assertThat(trigger.json().get("message").asText()).contains("trigger: not a field of the start form");
        assertThat(count("daily-inspection")).isEqualTo(inspections);
    }

    @Test
    void supportCannotStartATicketProcessNorAReport() {
        Http.Response ticket = http.postJson("/engine-rest/process-definition/key/support-ticket/start",
                Map.of("businessKey", "OPS-000001"), "Authorization", Http.basic("alice", "alice"));
        assertThat(ticket.status()).isEqualTo(403);
        Http.Response report = http.postJson("/engine-rest/process-definition/key/operations-report/start",
                Map.of(), "Authorization", Http.basic("alice", "alice"));
        assertThat(report.status()).isEqualTo(403);
    }

    @Test
    void aSupervisorWhoAssignsHerselfASupportTaskStillCannotCompleteIt() {
        String key = http.postJson("/api/tickets", Map.of("type", "FAULT", "title", "Reports empty", "description", "Since Monday",
                "system", "bi", "impact", "LOW", "urgency", "LOW",
                "customer", Map.of("name", "Qian Li", "email", "qian.li@example.com"))).json().get("key").asText();
        Jobs.runDue(engine, key);
        String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(Elements.TRIAGE).singleResult().getId();
        String carol = Http.basic("carol", "carol");
        assertThat(http.postJson("/engine-rest/task/" + task + "/assignee", Map.of("userId", "carol"), "Authorization", carol).status())
                .isEqualTo(204);
        Http.Response complete = http.postJson("/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of()),
                "Authorization", carol);
        assertThat(complete.status()).as(complete.body()).isEqualTo(403);
        assertThat(complete.json().get("type").asText()).isEqualTo("AuthorizationException");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
        // she hands it back to support, who can
        assertThat(http.postJson("/engine-rest/task/" + task + "/assignee", Map.of("userId", "alice"), "Authorization", carol).status())
                .isEqualTo(204);
    }

    private long count(String process) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(process).count();
    }
}
