package io.opsdesk.customer;

import static io.opsdesk.Http.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/**
 * The tiers are the deployed table's: a manager deploys sla-policy.dmn with a GOLD rule and GOLD can be chosen at
 * once; when that version is gone again, GOLD is refused and an organisation that still has it gives its new tickets
 * STANDARD rather than no targets.
 */
@OpsDeskTest
class TiersFromTheDeployedDecisionTest {

    static final String MIKE = Http.basic("mike", "mike");

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    CustomerDirectory directory;

    @Test
    void aTierAddedToTheDecisionTableCanBeChosenAtOnce() throws Exception {
        Http http = new Http(port);
        String domain = "gold-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Map<String, Object> gold = Map.of("name", "Gold " + domain, "slaTier", "GOLD", "domains", List.of(domain));
        assertProblem(http.postJson("/api/organisations", gold, "Authorization", MIKE), 400, "slaTier", "'GOLD' is not a tier");

        Deployment withGold = repository.createDeployment().name("gold-tier-test")
                .addString("sla-policy.dmn", withGoldRule(Files.readString(Path.of("processes/sla-policy.dmn")))).deploy();
        Http.Response created;
        try {
            assertThat(http.get("/api/organisations/tiers", "Authorization", MIKE).json().toString())
                    .isEqualTo("[\"GOLD\",\"PREMIUM\",\"STANDARD\"]");
            created = http.postJson("/api/organisations", gold, "Authorization", MIKE);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(directory.match("ops@" + domain).slaTier()).isEqualTo("GOLD");
        } finally {
            repository.deleteDeployment(withGold.getId(), true);
        }

        assertThat(directory.match("ops@" + domain)).isEqualTo(new CustomerDirectory.Match("Gold " + domain, "STANDARD", "DOMAIN"));
        assertProblem(http.postJson("/api/organisations", Map.of("name", "Gold 2 " + domain, "slaTier", "GOLD"),
                "Authorization", MIKE), 400, "slaTier", "one of [PREMIUM, STANDARD]");
        assertThat(http.send("DELETE", "/api/organisations/" + created.json().get("id").asLong(), "", "Authorization", MIKE)
                .status()).isEqualTo(204);
    }

    /** The shipped table plus a P1 rule for GOLD (the other rules unchanged, so other tests see the same targets). */
    private static String withGoldRule(String dmn) {
        String rule = """
                <rule id="Rule_GoldP1">
                  <inputEntry id="Rule_GoldP1_Priority"><text>"P1"</text></inputEntry>
                  <inputEntry id="Rule_GoldP1_Tier"><text>"GOLD"</text></inputEntry>
                  <outputEntry id="Rule_GoldP1_FirstResponse"><text>"PT10M"</text></outputEntry>
                  <outputEntry id="Rule_GoldP1_Resolution"><text>"PT1H"</text></outputEntry>
                  <outputEntry id="Rule_GoldP1_Calendar"><text>"24x7"</text></outputEntry>
                </rule>
                """;
        assertThat(dmn).contains("</decisionTable>");
        return dmn.replace("</decisionTable>", rule + "</decisionTable>").replace("\"STANDARD\",\"PREMIUM\"</text>",
                "\"STANDARD\",\"PREMIUM\",\"GOLD\"</text>");
    }
}
