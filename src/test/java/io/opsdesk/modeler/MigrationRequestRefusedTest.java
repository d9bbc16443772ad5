package io.opsdesk.modeler;

import static io.opsdesk.Http.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.ticket.process.SupportTicketProcess;

/**
 * A migration request that names a version which cannot be meant is refused with a problem detail naming
 * the field, and nothing moves; only managers and administrators may ask at all.
 */
@OpsDeskTest
class MigrationRequestRefusedTest {

    static final String PATH = TicketMigrationTest.PATH;

    @LocalServerPort
    int port;
    final ProcessEngine engine;

    Http http;
    TicketFixture tickets;

    MigrationRequestRefusedTest(ProcessEngine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        tickets = new TicketFixture(http);
    }

    @Test
    void badVersionsAreRefusedNamingTheFieldAndNothingMoves() {
        String key = tickets.open("Must not move on a bad request").key();
        String definition = definitionOf(key);
        int latest = latestVersion();
        long batches = engine.getManagementService().createBatchQuery().count();

        refused("{\"targetVersion\": \"two\"}", "targetVersion", "'two' is not a version number");
        refused("{\"targetVersion\": 2.5}", "targetVersion", "'2.5' is not a version number");
        refused("{\"targetVersion\": 0}", "targetVersion", "'0' is not a version number");
        refused("{\"targetVersion\": [2]}", "targetVersion", "wrong JSON type");
        refused("{\"targetVersion\": " + (latest + 5) + "}", "targetVersion",
                "version " + (latest + 5) + " of support-ticket is not deployed");
        refused("{\"sourceVersion\": " + (latest + 7) + ", \"targetVersion\": 1}", "sourceVersion", "is not deployed");
        refused("{\"sourceVersion\": " + latest + ", \"targetVersion\": " + latest + "}", "targetVersion",
                "is the same as sourceVersion");
        refused("{\"targetVersion\": 1}", "targetVersion", "is the oldest version");
        refused("{\"dryRun\": \"maybe\"}", "dryRun", "wrong JSON type");
        refused("{\"target\": 2}", "target", "unknown field");
        if (latest > 1) {
            refused("{\"sourceVersion\": " + latest + ", \"targetVersion\": 1}", "targetVersion", "is not newer than sourceVersion");
        }

        assertThat(definitionOf(key)).isEqualTo(definition);
        assertThat(engine.getManagementService().createBatchQuery().count()).isEqualTo(batches);
    }

    @Test
    void onlyManagersAndAdministratorsMayMigrate() {
        String dryRun = "{\"dryRun\": true}";
        for (String user : new String[] {"alice", "bob", "carol"}) {
            assertThat(http.postJson(PATH, dryRun, "Authorization", Http.basic(user, user)).status()).as(user).isEqualTo(403);
        }
        assertThat(http.postJson(PATH, dryRun).status()).isEqualTo(401);
        int latest = latestVersion();
        for (String user : new String[] {"mike", "admin"}) {
            Http.Response response = http.postJson(PATH, dryRun, "Authorization", Http.basic(user, user));
            if (latest == 1) {
                assertProblem(response, 400, "targetVersion", "is the oldest version");
            } else {
                assertThat(response.status()).as(user + ": " + response.body()).isEqualTo(200);
                assertThat(response.json().get("dryRun").asBoolean()).isTrue();
            }
        }
    }

    private void refused(String body, String field, String message) {
        assertProblem(http.postJson(PATH, body, "Authorization", Http.basic("mike", "mike")), 400, field, message);
    }

    private String definitionOf(String ticketKey) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(ticketKey).processDefinitionKey(SupportTicketProcess.KEY).singleResult();
        return instance.getProcessDefinitionId();
    }

    private int latestVersion() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(SupportTicketProcess.KEY)
                .latestVersion().singleResult().getVersion();
    }
}
