package io.opsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/**
 * The OpenAPI description at /v3/api-docs covers every /api handler of the running application: each
 * handler method's path and HTTP methods appear, with a summary, who may call it, and its RFC 7807 problem
 * responses. A new endpoint that is not documented in {@link ApiOperations} fails here.
 */
@OpsDeskTest
class ApiDocumentationTest {

    static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    JsonNode docs;

    @BeforeEach
    void readTheDescription() {
        Http.Response response = new Http(port).get("/v3/api-docs", "Authorization", Http.basic("alice", "alice"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        docs = response.json();
    }

    @Test
    void everyApiHandlerIsDocumentedWithItsMethodsSummarySecurityAndProblemResponses() {
        List<String> missing = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            for (String path : patterns(info)) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                assertThat(info.getMethodsCondition().getMethods()).as(path + " (" + method + ") names its HTTP methods").isNotEmpty();
                for (RequestMethod http : info.getMethodsCondition().getMethods()) {
                    String name = http + " " + path;
                    operations.add(name);
                    JsonNode operation = docs.path("paths").path(path).path(http.name().toLowerCase(Locale.ROOT));
                    if (operation.isMissingNode()) {
                        missing.add(name + ": not in /v3/api-docs");
                        continue;
                    }
                    missing.addAll(problems(name, operation));
                }
            }
        });
        assertThat(operations).as("the /api handlers found").contains("POST /api/tickets", "GET /api/tickets/{key}",
                "POST /api/tickets/{key}/attachments", "PUT /api/calendars/{name}/holidays/{year}");
        assertThat(missing).as("undocumented parts of /api operations").isEmpty();
    }

    @Test
    void callersAndLimitsAreDescribed() {
        JsonNode schemes = docs.path("components").path("securitySchemes");
        assertThat(schemes.path("staff").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("trackingToken").path("in").asText()).isEqualTo("header");
        assertThat(schemes.path("trackingToken").path("name").asText()).isEqualTo("X-Tracking-Token");

        JsonNode create = docs.path("paths").path("/api/tickets").path("post");
        assertThat(create.path("security").toString()).as("anyone, or staff").isEqualTo("[{},{\"staff\":[]}]");
        assertThat(create.path("responses").has("429")).isTrue();
        assertThat(create.path("responses").has("403")).as("nobody is forbidden to open a ticket").isFalse();

        JsonNode view = docs.path("paths").path("/api/tickets/{key}").path("get");
        assertThat(view.path("security").toString()).isEqualTo("[{\"staff\":[]},{\"trackingToken\":[]}]");
        assertThat(view.path("responses").has("404")).isTrue();

        JsonNode upload = docs.path("paths").path("/api/tickets/{key}/attachments").path("post");
        assertThat(upload.path("security").toString()).isEqualTo("[{\"staff\":[]}]");
        assertThat(upload.path("responses").has("413")).isTrue();
        assertThat(upload.path("responses").has("415")).isTrue();
        assertThat(upload.path("responses").has("403")).isTrue();

        assertThat(docs.path("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"));
    }

    @Test
    void onlyStaffReadTheDescriptionAndSwaggerUi() {
        Http http = new Http(port);
        assertThat(http.get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(http.get("/v3/api-docs", "X-Tracking-Token", "x").status()).isEqualTo(401);
        assertThat(http.get("/v3/api-docs.yaml").status()).isEqualTo(401);
        assertThat(http.get("/v3/api-docs/swagger-config").status()).isEqualTo(401);
        assertThat(http.get("/v3/api-docs.yaml", "Authorization", Http.basic("bob", "bob")).body()).contains("openapi:");
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(401);
        Http.Response ui = http.get("/swagger-ui/index.html", "Authorization", Http.basic("bob", "bob"));
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(http.get("/swagger-ui.html", "Authorization", Http.basic("bob", "bob")).status()).isIn(200, 302);
    }

    private static List<String> problems(String name, JsonNode operation) {
        List<String> problems = new ArrayList<>();
        if (operation.path("summary").asText().isBlank()) {
            problems.add(name + ": no summary (add it to ApiOperations)");
        }
        if (!operation.path("security").isArray() || operation.path("security").isEmpty()) {
            problems.add(name + ": no security requirement");
        }
        JsonNode responses = operation.path("responses");
        List<String> expected = new ArrayList<>(List.of("400", "401", "500"));
        if (name.contains("{")) {
            expected.add("404");
        }
        if (!name.startsWith("GET ")) {
            expected.addAll(List.of("409", "422"));
        }
        for (String code : expected) {
            if (!responses.has(code)) {
                problems.add(name + ": no " + code + " response");
            }
        }
        responses.fieldNames().forEachRemaining(code -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                JsonNode schema = responses.path(code).path("content").path(PROBLEM_JSON).path("schema");
                if (!"#/components/schemas/Problem".equals(schema.path("$ref").asText())) {
                    problems.add(name + ": " + code + " is not an application/problem+json Problem");
                }
            }
        });
        return problems;
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }
}
