package io.opsdesk.ticket;

import static io.opsdesk.Http.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.DatabaseSnapshot;
import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.Tasklist;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.ticket.process.SupportTicketProcess;

/**
 * Bad input to every endpoint answers a 4xx problem detail that names the field and the problem, and
 * leaves the database exactly as it was.
 */
@OpsDeskTest
class TicketApiRejectsBadInputTest {

    @LocalServerPort
    int port;
    final JdbcClient jdbc;
    final ProcessEngine engine;

    Http http;

    TicketApiRejectsBadInputTest(JdbcClient jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    static Map<String, Object> validTicket() {
        Map<String, Object> customer = new HashMap<>(Map.of("name", "Li Wei", "email", "li.wei@example.com",
                "organization", "ACME", "locale", "en"));
        Map<String, Object> ticket = new HashMap<>(Map.of("type", "FAULT", "title", "Export fails",
                "description", "It stops at 50%", "system", "billing", "impact", "HIGH", "urgency", "LOW"));
        ticket.put("customer", customer);
        return ticket;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> ticketWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> ticket = validTicket();
        change.accept(ticket);
        return ticket;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> customer(Map<String, Object> ticket) {
        return (Map<String, Object>) ticket.get("customer");
    }

    static Stream<Arguments> badTickets() {
        return Stream.of(
                Arguments.of("missing title", ticketWith(t -> t.remove("title")), "title", "must not be blank"),
                Arguments.of("blank title", ticketWith(t -> t.put("title", "   ")), "title", "must not be blank"),
                Arguments.of("oversized title", ticketWith(t -> t.put("title", "x".repeat(201))), "title", "size must be between 0 and 200"),
                Arguments.of("oversized description", ticketWith(t -> t.put("description", "x".repeat(10_001))), "description", "10001"),
                Arguments.of("missing description", ticketWith(t -> t.remove("description")), "description", "must not be blank"),
                Arguments.of("unknown type", ticketWith(t -> t.put("type", "OUTAGE")), "type", "'OUTAGE' is not one of [FAULT"),
                Arguments.of("missing type", ticketWith(t -> t.remove("type")), "type", "must not be null"),
                Arguments.of("unknown impact", ticketWith(t -> t.put("impact", "CRITICAL")), "impact", "'CRITICAL' is not one of [HIGH, MEDIUM, LOW]"),
                Arguments.of("missing urgency", ticketWith(t -> t.remove("urgency")), "urgency", "must not be null"),
                Arguments.of("system with markup", ticketWith(t -> t.put("system", "<b>billing</b>")), "system", "may contain letters"),
                Arguments.of("missing customer", ticketWith(t -> t.remove("customer")), "customer", "must not be null"),
                Arguments.of("invalid e-mail", ticketWith(t -> customer(t).put("email", "not-an-address")), "customer.email", "well-formed email"),
                Arguments.of("unknown locale", ticketWith(t -> customer(t).put("locale", "fr")), "customer.locale", "must be zh-CN or en"),
                Arguments.of("header injection in name", ticketWith(t -> customer(t).put("name", "Li\r\nBcc: all@example.com")), "customer.name", "one line"),
                Arguments.of("oversized name", ticketWith(t -> customer(t).put("name", "n".repeat(101))), "customer.name", "size must be between 0 and 100"),
                Arguments.of("unknown field", ticketWith(t -> t.put("severity", "HIGH")), "severity", "unknown field"),
                Arguments.of("title of the wrong JSON type", ticketWith(t -> t.put("title", List.of("a", "b"))), "title", "wrong JSON type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTickets")
    void createRejectsBadTicket(String name, Map<String, Object> body, String field, String message) {
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);
        Http.Response response = http.postJson("/api/tickets", body);
        assertProblem(response, 400, field, message);
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void createRejectsMalformedJson() {
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);
        assertProblem(http.postJson("/api/tickets", "{\"type\": \"FAULT\", \"title\": "), 400, "body", "malformed JSON");
        assertProblem(http.postJson("/api/tickets", ""), 400, "body", "");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void createRejectsWrongContentType() {
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);
        Http.Response response = http.post("/api/tickets", "type=FAULT&title=x", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("application/x-www-form-urlencoded");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void createRejectsBadIdempotencyKey() {
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);
        assertProblem(http.postJson("/api/tickets", validTicket(), "Idempotency-Key", "key with spaces"),
                400, "Idempotency-Key", "may contain letters");
        assertProblem(http.postJson("/api/tickets", validTicket(), "Idempotency-Key", "k".repeat(101)),
                400, "Idempotency-Key", "size must be between 0 and 100");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void idempotencyKeyReplaysTheSameTicketAndRefusesADifferentOne() {
        Http.Response first = http.postJson("/api/tickets", validTicket(), "Idempotency-Key", "retry-test-1");
        assertThat(first.status()).isEqualTo(201);
        Map<String, Object> afterFirst = DatabaseSnapshot.of(jdbc);

        Http.Response retry = http.postJson("/api/tickets", validTicket(), "Idempotency-Key", "retry-test-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("key")).isEqualTo(first.json().get("key"));
        assertThat(retry.json().get("trackingToken")).isEqualTo(first.json().get("trackingToken"));

        Http.Response different = http.postJson("/api/tickets", ticketWith(t -> t.put("title", "Another problem")),
                "Idempotency-Key", "retry-test-1");
        assertProblem(different, 422, "Idempotency-Key", "already used for a different ticket");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(afterFirst);
    }

    @Test
    void theSameIdempotencyKeyAtTheSameMomentCreatesOneTicket() throws Exception {
        Map<String, Object> ticket = ticketWith(t -> t.put("title", "Sent twice at once"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Http.Response>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return http.postJson("/api/tickets", ticket, "Idempotency-Key", "same-moment-1");
                }));
            }
            start.countDown();
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Http.Response> response : sent) {
                Http.Response r = response.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isIn(201, 409);
                if (r.status() == 201) {
                    keys.add(r.json().get("key").asText());
                } else {
                    assertProblem(r, 409, "Idempotency-Key", "retry to get its answer");
                }
            }
            assertThat(keys).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        Http.Response retry = http.postJson("/api/tickets", ticket, "Idempotency-Key", "same-moment-1");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("select count(*) from ticket where title = 'Sent twice at once'").query(Long.class).single()).isOne();
    }

    @Test
    void readingATicketNeedsItsTokenOrAStaffLogin() {
        JsonNode created = http.postJson("/api/tickets", validTicket()).json();
        String key = created.get("key").asText();
        JsonNode other = http.postJson("/api/tickets", validTicket()).json();
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);

        assertProblem(http.get("/api/tickets/" + key), 404, null, "no ticket with this key");
        assertProblem(http.get("/api/tickets/" + key, "X-Tracking-Token", "wrong"), 404, null, "no ticket with this key");
        assertProblem(http.get("/api/tickets/" + key, "X-Tracking-Token", other.get("trackingToken").asText()), 404, null, "no ticket");
        assertProblem(http.get("/api/tickets/OPS-999999", "X-Tracking-Token", created.get("trackingToken").asText()), 404, null, "no ticket");
        assertProblem(http.get("/api/tickets/not-a-key"), 404, null, "no ticket");
        assertProblem(http.get("/api/tickets/" + key, "Authorization", Http.basic("nobody", "wrong")), 401, null, "staff login");
        assertThat(http.get("/api/tickets/" + key, "X-Tracking-Token", created.get("trackingToken").asText()).status()).isEqualTo(200);
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void listingIsForStaffAndValidatesItsFilters() {
        String alice = Http.basic("alice", "alice");
        assertProblem(http.get("/api/tickets"), 401, null, "staff login");
        assertProblem(http.get("/api/tickets?status=BOGUS", "Authorization", alice), 400, "status", "'BOGUS' is not one of [NEW");
        assertProblem(http.get("/api/tickets?priority=P9", "Authorization", alice), 400, "priority", "must be P1, P2, P3 or P4");
        assertProblem(http.get("/api/tickets?size=1000", "Authorization", alice), 400, "size", "must be less than or equal to 100");
        assertProblem(http.get("/api/tickets?page=-1", "Authorization", alice), 400, "page", "must be greater than or equal to 0");

        String key = http.postJson("/api/tickets", ticketWith(t -> t.put("system", "crm-list-test"))).json().get("key").asText();
        JsonNode page = http.get("/api/tickets?system=crm-list-test&status=NEW&type=FAULT&size=5", "Authorization", alice).json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("key").asText()).isEqualTo(key);
    }

    @Test
    void repliesAndAcceptanceRejectBadInput() {
        JsonNode created = http.postJson("/api/tickets", validTicket()).json();
        String key = created.get("key").asText();
        String token = created.get("trackingToken").asText();
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);

        assertProblem(http.postJson("/api/tickets/" + key + "/replies", Map.of(), "X-Tracking-Token", token), 400, "message", "must not be blank");
        assertProblem(http.postJson("/api/tickets/" + key + "/replies", Map.of("message", "m".repeat(10_001)), "X-Tracking-Token", token),
                400, "message", "size must be between 0 and 10000");
        assertProblem(http.postJson("/api/tickets/" + key + "/replies", "{\"message\": ", "X-Tracking-Token", token), 400, "body", "malformed JSON");
        assertProblem(http.postJson("/api/tickets/" + key + "/replies", Map.of("message", "hi"), "X-Tracking-Token", "wrong"), 404, null, "no ticket");
        assertProblem(http.postJson("/api/tickets/" + key + "/replies", Map.of("message", "hi")), 404, null, "no ticket");
        assertThat(http.post("/api/tickets/" + key + "/replies", "hi", "Content-Type", "text/plain", "X-Tracking-Token", token).status())
                .isEqualTo(415);

        assertProblem(http.postJson("/api/tickets/" + key + "/acceptance", Map.of("accepted", true, "rating", 6), "X-Tracking-Token", token),
                400, "rating", "must be less than or equal to 5");
        assertProblem(http.postJson("/api/tickets/" + key + "/acceptance", Map.of("rating", 4), "X-Tracking-Token", token),
                400, "accepted", "must not be null");
        assertProblem(http.postJson("/api/tickets/" + key + "/acceptance", Map.of("accepted", "yes please"), "X-Tracking-Token", token),
                400, "accepted", "wrong JSON type");
        assertProblem(http.postJson("/api/tickets/" + key + "/acceptance", Map.of("accepted", true), "X-Tracking-Token", "wrong"),
                404, null, "no ticket");
        assertProblem(http.postJson("/api/tickets/" + key + "/acceptance", Map.of("accepted", true), "X-Tracking-Token", token),
                409, null, "not awaiting acceptance");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aRejectionNeedsAReasonAndNoRating() {
        JsonNode created = http.postJson("/api/tickets", validTicket()).json();
        String key = created.get("key").asText();
        String token = created.get("trackingToken").asText();
        Jobs.runDue(engine, key);
        Tasklist alice = new Tasklist(http, "alice");
        alice.complete(key, Elements.TRIAGE, Map.of(Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "LOW",
                Variables.URGENCY, "LOW", Variables.ANALYSIS, "config", Variables.TRIAGE_OUTCOME, "RESOLVE_IN_SUPPORT",
                Variables.HANDLING_PLAN, "Fix the config"));
        Jobs.runDue(engine, key);
        alice.complete(key, Elements.RESOLVE_IN_SUPPORT, Map.of(Variables.RESOLUTION, "Config fixed"));
        Jobs.runDue(engine, key);
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);

        assertProblem(http.postJson("/api/tickets/" + key + "/acceptance", Map.of("accepted", false), "X-Tracking-Token", token),
                400, "comment", "a rejection needs a reason");
        assertProblem(http.postJson("/api/tickets/" + key + "/acceptance", Map.of("accepted", false, "comment", "still broken", "rating", 1),
                "X-Tracking-Token", token), 400, "rating", "only with an acceptance");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);

        Http.Response rejected = http.postJson("/api/tickets/" + key + "/acceptance",
                Map.of("accepted", false, "comment", "Still fails for region EU"), "X-Tracking-Token", token);
        assertThat(rejected.json().get("status").asText()).isEqualTo("IN_ANALYSIS");
        assertThat(alice.task(key, Elements.TRIAGE).get("name").asText()).startsWith(key + " · 分诊：");
    }

    @Test
    void aTicketWhoseProcessCannotStartIsKeptAnsweredAndStartedOnceItCan() {
        engine.getRepositoryService().suspendProcessDefinitionByKey(SupportTicketProcess.KEY);
        String key;
        try {
            Http.Response response = http.postJson("/api/tickets", validTicket());
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            key = response.json().get("key").asText();
            // the start fails while the model is suspended: the ticket waits, visibly, and keeps its start request
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode starts = http.get("/actuator/health/ticket-starts", "Authorization", Http.basic("alice", "alice")).json();
                assertThat(starts.get("status").asText()).isEqualTo("WARNING");
                assertThat(starts.at("/components/ticketStarts/details/failing").asLong()).isEqualTo(1);
            });
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        } finally {
            engine.getRepositoryService().activateProcessDefinitionByKey(SupportTicketProcess.KEY);
        }
        // its retry is due 10 s later (opsdesk.intake.retry-schedule): the engine's clock goes there
        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(11)));
        try {
            Jobs.awaitStarted(engine, key);
        } finally {
            ClockUtil.reset();
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isEqualTo(1);
        assertThat(http.get("/actuator/health/ticket-starts", "Authorization", Http.basic("alice", "alice"))
                .json().get("status").asText()).isEqualTo("UP");
    }
}
