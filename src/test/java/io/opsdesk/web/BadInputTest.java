package io.opsdesk.web;

import static io.opsdesk.Http.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.DatabaseSnapshot;
import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.portal.PortalClient;

/**
 * Input that used to answer 500 or be stored as it came: duplicate JSON keys, control and
 * bidirectional-override characters, an oversized portal form, a URL the firewall refuses. Each is a
 * clear 4xx naming the field, and nothing is stored.
 */
@OpsDeskTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputTest {

    private static final String TICKET = """
            {"type":"FAULT","title":%s,"description":%s,"system":"billing","impact":"LOW","urgency":"LOW",
             "customer":{"name":%s,"email":"bad.input@example.com"}}""";

    @LocalServerPort
    int port;
    final JdbcClient jdbc;

    Http http;

    BadInputTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private static String ticket(String title, String description, String name) {
        return TICKET.formatted(quote(title), quote(description), quote(name));
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            json.append(c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return json.append('"').toString();
    }

    @Test
    void aDuplicateJsonKeyIsRefusedNamingTheField() {
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);
        assertProblem(http.postJson("/api/tickets", """
                {"type":"FAULT","title":"a","title":"b","description":"d","system":"billing","impact":"LOW","urgency":"LOW",
                 "customer":{"name":"N","email":"dup@example.com"}}"""), 400, "title", "appears more than once");
        assertProblem(http.postJson("/api/tickets", """
                {"type":"FAULT","title":"a","description":"d","system":"billing","impact":"LOW","urgency":"LOW",
                 "customer":{"name":"N","name":"M","email":"dup@example.com"}}"""), 400, "customer.name", "appears more than once");
        JsonNode created = http.postJson("/api/tickets", ticket("Duplicate reply", "d", "N")).json();
        Map<String, Object> afterCreate = DatabaseSnapshot.of(jdbc);
        assertProblem(http.postJson("/api/tickets/" + created.get("key").asText() + "/replies",
                "{\"message\":\"a\",\"message\":\"b\"}", "X-Tracking-Token", created.get("trackingToken").asText()),
                400, "message", "appears more than once");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(afterCreate);
        assertThat(before.get("ticket")).isEqualTo((Long) afterCreate.get("ticket") - 1);
    }

    @Test
    void controlAndBidiCharactersAreRefusedInTheApi() {
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);
        assertProblem(http.postJson("/api/tickets", ticket("invoice\u202Egnp.exe", "d", "N")), 400, "title",
                "U+202E (right-to-left override) at position 8");
        assertProblem(http.postJson("/api/tickets", ticket("nul\u0000byte", "d", "N")), 400, "title", "U+0000");
        assertProblem(http.postJson("/api/tickets", ticket("tab\tin title", "d", "N")), 400, "title", "one line");
        assertProblem(http.postJson("/api/tickets", ticket("t", "bell\u0007", "N")), 400, "description", "U+0007");
        assertProblem(http.postJson("/api/tickets", ticket("t", "isolate \u2067x\u2069", "N")), 400, "description", "U+2067");
        assertProblem(http.postJson("/api/tickets", ticket("t", "lone \uD800 surrogate", "N")), 400, "description", "unpaired surrogate");
        assertProblem(http.postJson("/api/tickets", ticket("t", "d", "A\u0085B")), 400, "customer.name", "U+0085");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);

        Http.Response fine = http.postJson("/api/tickets", ticket("Fine title 标题", "line one\r\n\tline two\u2028", "Li Wei"));
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);
    }

    @Test
    void controlCharactersAreRefusedInThePortalWithAMessageInTheCustomersLanguage() {
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);
        PortalClient client = new PortalClient(port, "zh-CN");
        Map<String, String> form = new HashMap<>(Map.of("type", "FAULT", "title", "invoice\u202Egnp.exe", "description", "d",
                "system", "billing", "impact", "HIGH", "urgency", "LOW", "name", "李伟", "email", "li@example.com", "locale", "zh-CN"));
        PortalClient.Page page = client.submit("/portal/tickets/new", "new-ticket", form);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().getElementById("title-error").text()).isEqualTo("请删除不可见的控制字符或文字方向字符（常随复制的文本带入）。");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void anOversizedPortalFormIsTooLargeNotExpired() {
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);
        PortalClient client = new PortalClient(port, "en");
        PortalClient.Page page = client.submit("/portal/tickets/new", "new-ticket", Map.of("type", "FAULT", "title", "big",
                "description", "x".repeat(3 * 1024 * 1024), "system", "billing", "impact", "HIGH", "urgency", "LOW",
                "name", "Big", "email", "big@example.com", "locale", "en"));
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.html().text()).contains("too large");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aUrlTheFirewallRefusesIsABadRequestWithoutAStackTrace(CapturedOutput output) {
        Http.Response response = http.get("/engine-rest;x=y/task", "Authorization", Http.basic("admin", "admin"));
        assertProblem(response, 400, null, "not accepted");
        assertThat(output.getAll()).doesNotContain("RequestRejectedException:").doesNotContain("\tat org.springframework.security");
    }
}
