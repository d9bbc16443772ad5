package io.opsdesk.assignment;

import static io.opsdesk.assignment.AssignmentFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.identity.Groups;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;

/** A ticket's triage goes to a support engineer by itself; the ticket names who has it, also after a supervisor hands it on. */
@OpsDeskTest
class TicketAssignmentTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AwayService away;
    @Autowired
    AssignmentStrategies strategies;

    AssignmentFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new AssignmentFixture(engine, away, strategies, port);
        fixture.tearDown();
        fixture.setUp(Groups.SUPPORT);
    }

    @AfterEach
    void tearDown() {
        fixture.tearDown();
    }

    @Test
    void aNewTicketsTriageIsAssignedAndTheTicketSaysToWhomAlsoAfterASupervisorReassignsIt() {
        fixture.strategy(Groups.SUPPORT, "ROUND_ROBIN");
        String key = fixture.http.postJson("/api/tickets", Map.of("type", "FAULT", "title", "Login page times out",
                "description", "Since this morning", "system", "portal", "impact", "LOW", "urgency", "LOW",
                "customer", Map.of("name", "Wang Fang", "email", "wang.fang@example.com"))).json().get("key").asText();
        Jobs.runDue(engine, key);
        Task triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(Elements.TRIAGE).singleResult();
        assertThat(triage.getAssignee()).isIn(AssignmentFixture.PEOPLE);
        JsonNode ticket = fixture.http.get("/api/tickets/" + key, as("carol")).json();
        assertThat(ticket.get("assignee").asText()).isEqualTo(triage.getAssignee());
        assertThat(ticket.get("owningGroup").asText()).isEqualTo(Groups.SUPPORT);

        String other = AssignmentFixture.PEOPLE.stream().filter(p -> !p.equals(triage.getAssignee())).findFirst().orElseThrow();
        Http.Response handedOn = fixture.http.postJson("/engine-rest/task/" + triage.getId() + "/assignee",
                Map.of("userId", other), "Authorization", Http.basic("carol", "carol"));
        assertThat(handedOn.status()).as(handedOn.body()).isEqualTo(204);
        assertThat(fixture.http.get("/api/tickets/" + key, as("carol")).json().get("assignee").asText()).isEqualTo(other);

        // the new assignee going away hands the triage on again, and the ticket follows
        fixture.http.send("PUT", "/api/me/away", "{\"away\": true}", as(other));
        String now = engine.getTaskService().createTaskQuery().taskId(triage.getId()).singleResult().getAssignee();
        assertThat(now).isIn(AssignmentFixture.PEOPLE).isNotEqualTo(other);
        assertThat(fixture.http.get("/api/tickets/" + key, as("carol")).json().get("assignee").asText()).isEqualTo(now);
    }
}
