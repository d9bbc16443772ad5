package io.opsdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Deployments;
import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;

/** Who reaches what: engine-rest, the webapps, the ticket API and each group's tasks. */
@OpsDeskTest
class AccessControlTest {

    @LocalServerPort
    int port;
    final ProcessEngine engine;
    final JdbcClient jdbc;

    Http http;

    AccessControlTest(ProcessEngine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void engineRestNeedsHttpBasicAgainstCamundasUsers() {
        assertThat(http.get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(http.get("/engine-rest/process-definition").status()).isEqualTo(401);
        assertThat(http.get("/engine-rest/task", "Authorization", Http.basic("nobody", "wrong")).status()).isEqualTo(401);
        assertThat(http.get("/engine-rest/task", "Authorization", Http.basic("alice", "alice")).status()).isEqualTo(200);
    }

    @Test
    void webappsNeedALogin() {
        assertThat(http.get("/camunda/api/engine/engine/default/task").status()).isEqualTo(401);
        assertThat(http.get("/camunda/api/admin/auth/user/default").status()).isIn(401, 404);
    }

    @Test
    void healthIsPublic() {
        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void eachGroupSeesTheTasksOfItsRole() {
        String key = http.postJson("/api/tickets", Map.of("type", "FAULT", "title", "Login broken",
                "description", "Nobody can log in", "system", "portal", "impact", "HIGH", "urgency", "HIGH",
                "customer", Map.of("name", "Wang Fang", "email", "wang.fang@example.com"))).json().get("key").asText();
        Jobs.runDue(engine, key);
        String query = "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey=" + Elements.TRIAGE;

        assertThat(tasks(query, "alice")).hasSize(1);
        assertThat(tasks(query, "bob")).isEmpty();
        assertThat(tasks(query, "carol")).hasSize(1);
        // a developer cannot complete support's task even if they know its id
        String taskId = http.get(query, "Authorization", Http.basic("alice", "alice")).json().get(0).get("id").asText();
        assertThat(http.postJson("/engine-rest/task/" + taskId + "/complete", Map.of(),
                "Authorization", Http.basic("bob", "bob")).status()).isIn(403, 404);
    }

    @Test
    void tasklistFiltersExistForEveryStaffGroup() {
        for (String user : new String[] {"alice", "bob", "carol", "mike"}) {
            JsonNode filters = http.get("/engine-rest/filter?resourceType=Task", "Authorization", Http.basic(user, user)).json();
            assertThat(filters.findValuesAsText("name")).as(user)
                    .contains(TasklistFilters.FILTER_MY_GROUP, TasklistFilters.FILTER_ASSIGNED);
        }
        for (String user : new String[] {"alice", "carol"}) {
            assertThat(http.get("/engine-rest/filter?resourceType=Task", "Authorization", Http.basic(user, user)).json()
                    .findValuesAsText("name")).as(user).contains(TasklistFilters.FILTER_OVERDUE);
        }
        assertThat(http.get("/engine-rest/filter?resourceType=Task", "Authorization", Http.basic("bob", "bob")).json()
                .findValuesAsText("name")).doesNotContain(TasklistFilters.FILTER_OVERDUE);
    }

    @Test
    void managersDeployModelsAndSupportCannot() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("manager-test").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Test").endEvent("EndEvent_Test").done());
        Deployments deployments = new Deployments(http);
        assertThat(deployments.deploy("mike", "manager-test", Map.of("manager-test.bpmn", bpmn)).status()).isEqualTo(200);
        assertThat(deployments.deploy("alice", "manager-test", Map.of("manager-test.bpmn", bpmn)).status()).isEqualTo(403);
        engine.getRepositoryService().createDeploymentQuery().deploymentName("manager-test").list()
                .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void trackingTokensAreLongRandomAndStoredOnlyAsHashes() throws Exception {
        JsonNode created = http.postJson("/api/tickets", Map.of("type", "DATA_REQUEST", "title", "Monthly extract",
                "description", "Orders of October", "system", "erp", "impact", "LOW", "urgency", "LOW",
                "customer", Map.of("name", "Zhao Lei", "email", "zhao.lei@example.com"))).json();
        String token = created.get("trackingToken").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 bits, base64url
        String stored = jdbc.sql("select tracking_token_hash from ticket where ticket_key = :key")
                .param("key", created.get("key").asText()).query(String.class).single();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(stored).isEqualTo(sha256).doesNotContain(token);
        assertThat(jdbc.sql("select count(*) from ticket where tracking_token_hash = :token").param("token", token)
                .query(Long.class).single()).isZero();
    }

    private JsonNode tasks(String query, String user) {
        Http.Response response = http.get(query, "Authorization", Http.basic(user, user));
        assertThat(response.status()).as(user + ": " + response.body()).isEqualTo(200);
        return response.json();
    }
}
