package io.opsdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Deployments;
import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;

/**
 * Who may do what, every OpsDesk endpoint and the /engine-rest operations that matter, for anonymous callers,
 * a customer with a tracking token and one member of each staff group. A cell is "allowed" when the answer is
 * none of 401, 403 and 404 (every resource named exists; a 400 for a deliberately incomplete body still means the
 * rights check passed); no cell
 * may answer 5xx. The expected table is the whole test: an unexpected allow or deny fails it.
 */
@OpsDeskTest
class AuthorizationMatrixTest {

    static final String ANONYMOUS = "anonymous";
    static final String CUSTOMER = "customer";
    static final List<String> WHO = List.of(ANONYMOUS, CUSTOMER, "alice", "bob", "carol", "mike", "admin");
    static final Set<String> STAFF = Set.of("alice", "bob", "carol", "mike", "admin");
    static final Set<String> WRITERS = Set.of("carol", "mike", "admin");

    @LocalServerPort
    int port;
    final ProcessEngine engine;

    AuthorizationMatrixTest(ProcessEngine engine) {
        this.engine = engine;
    }

    Http http;
    String key;
    String token;
    String processId;
    String triageTask;
    String problemKey;
    long organisationId;
    long customerId;
    final List<String> started = new ArrayList<>();

    @Test
    void everyRoleReachesExactlyWhatItShould() {
        http = new Http(port);
        fixture();
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        Map<String, BiFunction<String, String[], Http.Response>> operations = new LinkedHashMap<>();

        op(operations, expected, "POST /api/tickets", Set.of(ANONYMOUS, CUSTOMER, "alice", "bob", "carol", "mike", "admin"),
                (who, auth) -> http.postJson("/api/tickets", newTicket(), auth));
        op(operations, expected, "GET /api/tickets", STAFF, (who, auth) -> http.get("/api/tickets", auth));
        op(operations, expected, "GET /api/tickets/{key}", plus(STAFF, CUSTOMER), (who, auth) -> http.get("/api/tickets/" + key, auth));
        op(operations, expected, "POST /api/tickets/{key}/replies", Set.of(CUSTOMER),
                (who, auth) -> http.postJson("/api/tickets/" + key + "/replies", Map.of("message", "matrix probe: more details"), auth));
        op(operations, expected, "POST /api/tickets/{key}/acceptance", Set.of(CUSTOMER),
                (who, auth) -> http.postJson("/api/tickets/" + key + "/acceptance", Map.of("accepted", true), auth));
        op(operations, expected, "GET /api/tickets/{key}/attachments", plus(STAFF, CUSTOMER),
                (who, auth) -> http.get("/api/tickets/" + key + "/attachments", auth));
        op(operations, expected, "POST /api/tickets/{key}/attachments", STAFF,
                (who, auth) -> http.post("/api/tickets/" + key + "/attachments", "", join(auth, "Content-Type", "multipart/form-data; boundary=x")));
        op(operations, expected, "GET /api/reports", Set.of("carol", "mike", "admin"), (who, auth) -> http.get("/api/reports", auth));
        op(operations, expected, "POST /api/reports", Set.of("carol", "mike", "admin"),
                (who, auth) -> http.postJson("/api/reports", Map.of("period", "NO_SUCH_PERIOD"), auth));
        op(operations, expected, "GET /api/releases", STAFF, (who, auth) -> http.get("/api/releases", auth));
        op(operations, expected, "GET /api/releases/waiting-tickets", STAFF, (who, auth) -> http.get("/api/releases/waiting-tickets", auth));
        op(operations, expected, "POST /api/releases", Set.of("alice", "bob", "carol", "admin"),
                (who, auth) -> http.postJson("/api/releases", Map.of("version", ""), auth));
        op(operations, expected, "POST /api/processes/support-ticket/migrations (dry run)", Set.of("mike", "admin"),
                (who, auth) -> http.postJson("/api/processes/support-ticket/migrations", Map.of("dryRun", true), auth));
        op(operations, expected, "GET /actuator/prometheus", STAFF, (who, auth) -> http.get("/actuator/prometheus", auth));
        op(operations, expected, "GET /actuator/health/mail", Set.copyOf(WHO), (who, auth) -> http.get("/actuator/health/mail", auth));
        op(operations, expected, "GET /portal/too-large", Set.copyOf(WHO), (who, auth) -> http.get("/portal/too-large", auth));
        op(operations, expected, "GET /api/calendars/{name}/holidays/{year}", STAFF,
                (who, auth) -> http.get("/api/calendars/china-business/holidays/2026", auth));
        op(operations, expected, "PUT /api/calendars/{name}/holidays/{year} (refused notice)", Set.of("mike", "admin"),
                (who, auth) -> http.send("PUT", "/api/calendars/china-business/holidays/2026", "not a notice",
                        join(auth, "Content-Type", "text/csv")));
        op(operations, expected, "GET /actuator/health/holidays", Set.copyOf(WHO), (who, auth) -> http.get("/actuator/health/holidays", auth));
        op(operations, expected, "GET /actuator/health/ticket-starts", Set.copyOf(WHO), (who, auth) -> http.get("/actuator/health/ticket-starts", auth));
        op(operations, expected, "GET /actuator/health", Set.copyOf(WHO), (who, auth) -> http.get("/actuator/health", auth));
        op(operations, expected, "GET /v3/api-docs", STAFF, (who, auth) -> http.get("/v3/api-docs", auth));
        op(operations, expected, "GET /swagger-ui/index.html", STAFF, (who, auth) -> http.get("/swagger-ui/index.html", auth));

        // organisations and customers (io.opsdesk.customer): staff read, supervisors, managers and admins write; the
        // writes are refused bodies (400) or a conflict (409), so an allowed call changes nothing; a delete removes a
        // customer made for that caller
        op(operations, expected, "GET /api/organisations", STAFF, (who, auth) -> http.get("/api/organisations", auth));
        op(operations, expected, "GET /api/organisations/tiers", STAFF, (who, auth) -> http.get("/api/organisations/tiers", auth));
        op(operations, expected, "GET /api/organisations/{id}", STAFF, (who, auth) -> http.get("/api/organisations/" + organisationId, auth));
        op(operations, expected, "POST /api/organisations (refused body)", WRITERS,
                (who, auth) -> http.postJson("/api/organisations", Map.of("name", "Matrix probe", "slaTier", "NO_SUCH_TIER"), auth));
        op(operations, expected, "PUT /api/organisations/{id} (refused body)", WRITERS,
                (who, auth) -> http.send("PUT", "/api/organisations/" + organisationId, "{\"name\": \"\"}",
                        join(auth, "Content-Type", "application/json")));
        op(operations, expected, "DELETE /api/organisations/{id} (has customers: 409)", WRITERS,
                (who, auth) -> http.send("DELETE", "/api/organisations/" + organisationId, "", auth));
        op(operations, expected, "GET /api/customers", STAFF, (who, auth) -> http.get("/api/customers", auth));
        op(operations, expected, "GET /api/customers/{id}", STAFF, (who, auth) -> http.get("/api/customers/" + customerId, auth));
        op(operations, expected, "POST /api/customers (refused body)", WRITERS,
                (who, auth) -> http.postJson("/api/customers", Map.of("email", "not an address"), auth));
        op(operations, expected, "PUT /api/customers/{id} (refused body)", WRITERS,
                (who, auth) -> http.send("PUT", "/api/customers/" + customerId, "{\"email\": \"\"}",
                        join(auth, "Content-Type", "application/json")));
        op(operations, expected, "DELETE /api/customers/{id}", WRITERS,
                (who, auth) -> http.send("DELETE", "/api/customers/" + customer(who), "", auth));
        op(operations, expected, "GET /staff/organisations (page)", STAFF, (who, auth) -> http.get("/staff/organisations", auth));
        op(operations, expected, "GET /api/assignment/groups", STAFF, (who, auth) -> http.get("/api/assignment/groups", auth));
        op(operations, expected, "GET /api/assignment/groups/{group}", STAFF, (who, auth) -> http.get("/api/assignment/groups/support", auth));
        op(operations, expected, "PUT /api/assignment/groups/{group} (refused strategy)", Set.of("carol", "admin"),
                (who, auth) -> http.send("PUT", "/api/assignment/groups/support", "{\"strategy\": \"NO_SUCH_STRATEGY\"}",
                        join(auth, "Content-Type", "application/json")));
        op(operations, expected, "GET /api/assignment/away", Set.of("carol", "mike", "admin"), (who, auth) -> http.get("/api/assignment/away", auth));
        op(operations, expected, "GET /api/me/away", STAFF, (who, auth) -> http.get("/api/me/away", auth));
        op(operations, expected, "PUT /api/me/away (date in the past)", STAFF,
                (who, auth) -> http.send("PUT", "/api/me/away", "{\"away\": true, \"until\": \"2000-01-01\"}",
                        join(auth, "Content-Type", "application/json")));
        op(operations, expected, "DELETE /api/me/away", STAFF, (who, auth) -> http.send("DELETE", "/api/me/away", "", auth));

        // problem records (io.opsdesk.problem): staff read; support, developers and admins write (refused bodies: nothing changes)
        Set<String> problemWriters = Set.of("alice", "bob", "admin");
        op(operations, expected, "GET /api/problems", STAFF, (who, auth) -> http.get("/api/problems", auth));
        op(operations, expected, "GET /api/problems/{key}", STAFF, (who, auth) -> http.get("/api/problems/" + problemKey, auth));
        op(operations, expected, "POST /api/problems (refused body)", problemWriters,
                (who, auth) -> http.postJson("/api/problems", Map.of("system", "portal"), auth));
        op(operations, expected, "PATCH /api/problems/{key} (refused body)", problemWriters,
                (who, auth) -> http.send("PATCH", "/api/problems/" + problemKey, "{}", join(auth, "Content-Type", "application/json")));
        op(operations, expected, "POST /api/problems/{key}/tickets (no such ticket)", problemWriters,
                (who, auth) -> http.postJson("/api/problems/" + problemKey + "/tickets", Map.of("ticket", "OPS-999999"), auth));
        op(operations, expected, "POST /api/problems/{key}/known-error (refused body)", problemWriters,
                (who, auth) -> http.postJson("/api/problems/" + problemKey + "/known-error", Map.of("rootCause", "probe"), auth));
        op(operations, expected, "POST /api/problems/{key}/fix (not at this step: 409)", problemWriters,
                (who, auth) -> http.postJson("/api/problems/" + problemKey + "/fix", Map.of("fix", "probe"), auth));
        op(operations, expected, "GET /api/tickets/{key}/problem-suggestions", STAFF,
                (who, auth) -> http.get("/api/tickets/" + key + "/problem-suggestions", auth));
        op(operations, expected, "engine-rest start problem", Set.of("alice", "bob", "admin"), (who, auth) -> start("problem", auth));

        op(operations, expected, "engine-rest GET task", STAFF, (who, auth) -> http.get("/engine-rest/task", auth));
        op(operations, expected, "engine-rest start support-ticket", Set.of("admin"), (who, auth) -> start("support-ticket", auth));
        op(operations, expected, "engine-rest start operations-report", Set.of("carol", "mike", "admin"), (who, auth) -> start("operations-report", auth));
        op(operations, expected, "engine-rest start daily-inspection", Set.of("alice", "admin"), (who, auth) -> start("daily-inspection", auth));
        op(operations, expected, "engine-rest start release-delivery", Set.of("alice", "bob", "carol", "admin"), (who, auth) -> start("release-delivery", auth));
        op(operations, expected, "engine-rest complete support task", Set.of("alice", "admin"),
                (who, auth) -> http.postJson("/engine-rest/task/" + triageTask + "/complete", Map.of("variables", Map.of()), auth));
        op(operations, expected, "engine-rest submit-form support task", Set.of("alice", "admin"),
                (who, auth) -> http.postJson("/engine-rest/task/" + triageTask + "/submit-form", Map.of("variables", Map.of()), auth));
        op(operations, expected, "engine-rest set task assignee", Set.of("carol", "admin"),
                (who, auth) -> http.postJson("/engine-rest/task/" + triageTask + "/assignee", "{\"userId\": null}", auth));
        op(operations, expected, "engine-rest set task variables", Set.of("admin"),
                (who, auth) -> http.postJson("/engine-rest/task/" + triageTask + "/variables",
                        Map.of("modifications", Map.of("matrixProbe", Map.of("value", 1))), auth));
        op(operations, expected, "engine-rest set process variables", Set.of("admin"),
                (who, auth) -> http.postJson("/engine-rest/process-instance/" + processId + "/variables",
                        Map.of("modifications", Map.of("matrixProbe", Map.of("value", 1))), auth));
        op(operations, expected, "engine-rest deploy", Set.of("mike", "admin"), (who, auth) -> new Deployments(http)
                .deploy(userOf(who), "matrix-" + who, Map.of("matrix.bpmn", probeModel(who))));
        op(operations, expected, "engine-rest create user", Set.of("admin"),
                (who, auth) -> http.postJson("/engine-rest/user/create", Map.of("profile", Map.of("id", "matrix" + who),
                        "credentials", Map.of("password", "matrix-password-1")), auth));
        op(operations, expected, "engine-rest add to camunda-admin", Set.of("admin"),
                (who, auth) -> put("/engine-rest/group/camunda-admin/members/matrixuser", auth));
        op(operations, expected, "engine-rest create authorization", Set.of("admin"),
                (who, auth) -> http.postJson("/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("ALL"),
                        "userId", "matrixuser", "resourceType", 0, "resourceId", "matrix" + who), auth));

        Map<String, String> unexpected = new TreeMap<>();
        operations.forEach((name, call) -> {
            for (String who : WHO) {
                Http.Response response = call.apply(who, credentials(who));
                assertThat(response.status()).as(name + " as " + who + ": " + response.body()).isLessThan(500);
                // 404: the resource exists, so it is hidden from this caller
                boolean allowed = response.status() != 401 && response.status() != 403 && response.status() != 404;
                if (allowed != expected.get(name).contains(who)) {
                    unexpected.put(name + " as " + who, (allowed ? "allowed " : "denied ") + response.status() + " " + response.body());
                }
                remember(response);
            }
        });
        assertThat(unexpected).as("cells that differ from the expected matrix").isEmpty();
    }

    @AfterEach
    void cleanUp() {
        started.forEach(id -> {
            if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                engine.getRuntimeService().deleteProcessInstance(id, "authorization matrix", true, true);
            }
        });
        engine.getRepositoryService().createDeploymentQuery().list().stream()
                .filter(d -> d.getName() != null && d.getName().startsWith("matrix-"))
                .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
        engine.getIdentityService().createUserQuery().list().stream().filter(u -> u.getId().startsWith("matrix"))
                .forEach(u -> engine.getIdentityService().deleteUser(u.getId()));
        engine.getAuthorizationService().createAuthorizationQuery().userIdIn("matrixuser").list()
                .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    }

    private void fixture() {
        JsonNode created = http.postJson("/api/tickets", newTicket()).json();
        key = created.get("key").asText();
        token = created.get("trackingToken").asText();
        Jobs.runDue(engine, key);
        processId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
        triageTask = engine.getTaskService().createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(Elements.TRIAGE).singleResult().getId();
        String probe = java.util.UUID.randomUUID().toString().substring(0, 8);
        organisationId = http.postJson("/api/organisations", Map.of("name", "Matrix " + probe, "slaTier", "STANDARD"),
                "Authorization", Http.basic("mike", "mike")).json().get("id").asLong();
        customerId = customer("fixture-" + probe);
        problemKey = http.postJson("/api/problems", Map.of("title", "Matrix probe problem", "system", "matrix-" + probe),
                "Authorization", Http.basic("bob", "bob")).json().get("key").asText();
        if (engine.getIdentityService().createUserQuery().userId("matrixuser").count() == 0) {
            User user = engine.getIdentityService().newUser("matrixuser");
            user.setPassword("matrix-password-1");
            engine.getIdentityService().saveUser(user);
        }
    }

    /** A customer of the fixture's organisation, made by a manager for one caller to delete. */
    private long customer(String who) {
        return http.postJson("/api/customers", Map.of("email", "matrix." + who + "." + java.util.UUID.randomUUID().toString()
                        .substring(0, 8) + "@example.org", "name", "Matrix " + who, "organisationId", organisationId),
                "Authorization", Http.basic("mike", "mike")).json().get("id").asLong();
    }

    private String[] credentials(String who) {
        return switch (who) {
            case ANONYMOUS -> new String[0];
            case CUSTOMER -> new String[] {"X-Tracking-Token", token};
            default -> new String[] {"Authorization", Http.basic(who, who)};
        };
    }

    private static String userOf(String who) {
        return STAFF.contains(who) ? who : "nobody";
    }

    /** a start that ends at once (before the end event, listeners skipped), so an allowed start changes nothing */
    private Http.Response start(String process, String[] auth) {
        return http.postJson("/engine-rest/process-definition/key/" + process + "/start", Map.of("businessKey", "MATRIX",
                "skipCustomListeners", true, "skipIoMappings", true,
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", END_EVENTS.get(process)))), auth);
    }

    static final Map<String, String> END_EVENTS = Map.of("support-ticket", Elements.CLOSED,
            "operations-report", "EndEvent_ReportPublished", "daily-inspection", "EndEvent_InspectionReviewed",
            "release-delivery", "EndEvent_ReleaseRejected", "problem", "EndEvent_ProblemFixed");

    private Http.Response put(String path, String[] auth) {
        return http.send("PUT", path, "", auth);
    }

    private void remember(Http.Response response) {
        if (response.status() == 200 && response.body().startsWith("{") && response.json().has("definitionId")) {
            started.add(response.json().get("id").asText());
        }
    }

    private static String probeModel(String who) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess("matrix-" + who).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Matrix").endEvent("EndEvent_Matrix").done());
    }

    private static Map<String, Object> newTicket() {
        return Map.of("type", "FAULT", "title", "Matrix probe", "description", "Checks who may do what",
                "system", "portal", "impact", "LOW", "urgency", "LOW",
                "customer", Map.of("name", "Matrix Probe", "email", "matrix.probe@example.com"));
    }

    private static Set<String> plus(Set<String> set, String one) {
        Set<String> all = new java.util.HashSet<>(set);
        all.add(one);
        return all;
    }

    private static String[] join(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static void op(Map<String, BiFunction<String, String[], Http.Response>> operations, Map<String, Set<String>> expected,
                           String name, Set<String> allowed, BiFunction<String, String[], Http.Response> call) {
        operations.put(name, call);
        expected.put(name, allowed);
    }
}
