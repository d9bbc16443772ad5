package io.opsdesk.assignment;

import static io.opsdesk.assignment.AssignmentFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.identity.Groups;

/** The strategy and away endpoints: who may change what, and bad input refused naming the field, with nothing changed. */
@OpsDeskTest
class AssignmentApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AwayService away;
    @Autowired
    AssignmentStrategies strategies;

    AssignmentFixture fixture;
    Http http;

    @BeforeEach
    void setUp() {
        fixture = new AssignmentFixture(engine, away, strategies, port);
        fixture.tearDown();
        http = fixture.http;
    }

    @AfterEach
    void tearDown() {
        fixture.tearDown();
    }

    @Test
    void supervisorsAndAdministratorsChangeAStrategyOthersOnlyReadIt() {
        for (String who : new String[] {"alice", "bob", "mike"}) {
            assertThat(put("/api/assignment/groups/support", "{\"strategy\": \"ROUND_ROBIN\"}", who).status()).as(who).isEqualTo(403);
            assertThat(http.get("/api/assignment/groups/support", as(who)).json().get("strategy").asText()).isEqualTo("OFF");
        }
        JsonNode changed = put("/api/assignment/groups/support", "{\"strategy\": \"LEAST_OPEN\"}", "carol").json();
        assertThat(changed.get("strategy").asText()).isEqualTo("LEAST_OPEN");
        assertThat(changed.get("updatedBy").asText()).isEqualTo("carol");
        assertThat(put("/api/assignment/groups/support", "{\"strategy\": \"ROUND_ROBIN\"}", "admin").json().get("strategy").asText())
                .isEqualTo("ROUND_ROBIN");
        assertThat(http.get("/api/assignment/groups", as("alice")).json().findValuesAsText("group"))
                .containsExactly(Groups.DEVELOPMENT, Groups.MANAGERS, Groups.SUPERVISORS, Groups.SUPPORT);
    }

    @Test
    void anUnknownGroupOrStrategyIsRefusedNamingTheFieldAndChangesNothing() {
        fixture.strategy(Groups.SUPPORT, "ROUND_ROBIN");
        Http.assertProblem(put("/api/assignment/groups/nosuchgroup", "{\"strategy\": \"ROUND_ROBIN\"}", "carol"), 400,
                "group", "'nosuchgroup' is not a group with automatic assignment");
        Http.assertProblem(put("/api/assignment/groups/support", "{\"strategy\": \"FASTEST\"}", "carol"), 400,
                "strategy", "'FASTEST' is not one of [OFF, ROUND_ROBIN, LEAST_OPEN]");
        Http.assertProblem(put("/api/assignment/groups/support", "{}", "carol"), 400, "strategy", "is required");
        Http.assertProblem(put("/api/assignment/groups/support", "{\"strategy\": \"OFF\", \"group\": \"development\"}", "carol"),
                400, "group", "unknown field");
        Http.assertProblem(http.get("/api/assignment/groups/nosuchgroup", as("alice")), 400, "group", "nosuchgroup");
        assertThat(strategies.get(Groups.SUPPORT).strategy()).isEqualTo(Strategy.ROUND_ROBIN);
        assertThat(strategies.get(Groups.SUPPORT).updatedBy()).isEqualTo("carol");
    }

    @Test
    void refusalsSpeakTheCallersLanguage() {
        Http.Response chinese = http.send("PUT", "/api/assignment/groups/support", "{\"strategy\": \"FASTEST\"}",
                join(as("carol"), "Accept-Language", "zh-CN"));
        Http.assertProblem(chinese, 400, "strategy", "“FASTEST”不是以下取值之一");
        Http.Response past = http.send("PUT", "/api/me/away", "{\"away\": true, \"until\": \"2020-01-01\"}",
                join(as("alice"), "Accept-Language", "zh-CN"));
        Http.assertProblem(past, 400, "until", "2020-01-01 已经过去");
    }

    @Test
    void everyoneSetsTheirOwnAwayMarkAndNobodyElses() {
        for (String who : new String[] {"alice", "bob", "carol", "mike", "admin"}) {
            JsonNode marked = put("/api/me/away", "{\"away\": true, \"until\": \"2099-12-24\"}", who).json();
            assertThat(marked.get("user").asText()).isEqualTo(who);
            assertThat(http.get("/api/me/away", as(who)).json().get("until").asText()).isEqualTo("2099-12-24");
        }
        assertThat(http.send("DELETE", "/api/me/away", "", as("bob")).json().get("away").asBoolean()).isFalse();
        assertThat(http.get("/api/me/away", as("bob")).json().get("away").asBoolean()).isFalse();
        assertThat(http.get("/api/me/away", as("alice")).json().get("away").asBoolean()).isTrue();
        // there is no way to name someone else
        Http.assertProblem(put("/api/me/away", "{\"away\": false, \"user\": \"alice\"}", "bob"), 400, "user", "unknown field");
        assertThat(http.get("/api/me/away", as("alice")).json().get("away").asBoolean()).isTrue();
        // supervisors and managers see who is away; support and development do not
        assertThat(http.get("/api/assignment/away", as("carol")).json().findValuesAsText("user"))
                .containsExactly("admin", "alice", "carol", "mike");
        assertThat(http.get("/api/assignment/away", as("mike")).status()).isEqualTo(200);
        assertThat(http.get("/api/assignment/away", as("alice")).status()).isEqualTo(403);
        assertThat(http.get("/api/me/away").status()).isEqualTo(401);
    }

    @Test
    void aBadAwayMarkIsRefusedNamingTheFieldAndChangesNothing() {
        put("/api/me/away", "{\"away\": true, \"until\": \"2099-01-31\"}", "alice");
        Http.assertProblem(put("/api/me/away", "{\"away\": true, \"until\": \"2020-01-01\"}", "alice"), 400,
                "until", "2020-01-01 is in the past");
        Http.assertProblem(put("/api/me/away", "{\"away\": true, \"until\": \"24.12.2099\"}", "alice"), 400,
                "until", "'24.12.2099' is not a date like 2026-12-24");
        Http.assertProblem(put("/api/me/away", "{\"until\": \"2099-12-24\"}", "alice"), 400, "away", "is required");
        Http.assertProblem(put("/api/me/away", "{\"away\": false, \"until\": \"2099-12-24\"}", "alice"), 400,
                "until", "an end date goes only with");
        Http.assertProblem(put("/api/me/away", "{\"away\": \"soon\"}", "alice"), 400, "away", "wrong JSON type");
        assertThat(http.get("/api/me/away", as("alice")).json().get("until").asText()).isEqualTo("2099-01-31");
    }

    private Http.Response put(String path, String body, String who) {
        return http.send("PUT", path, body, as(who));
    }

    private static String[] join(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
