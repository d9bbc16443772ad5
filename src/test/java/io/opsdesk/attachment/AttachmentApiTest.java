package io.opsdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.DatabaseSnapshot;
import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/** Attachments through the real HTTP API: staff upload, customers read public ones, bad files change nothing. */
@OpsDeskTest
class AttachmentApiTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final String ALICE = Http.basic("alice", "alice");

    @LocalServerPort
    int port;
    final JdbcClient jdbc;
    final AttachmentService attachments;

    Http http;
    String key;
    String token;

    AttachmentApiTest(JdbcClient jdbc, AttachmentService attachments) {
        this.jdbc = jdbc;
        this.attachments = attachments;
    }

    @BeforeEach
    void createTicket() {
        http = new Http(port);
        JsonNode created = http.postJson("/api/tickets", Map.of("type", "FAULT", "title", "Screen is blank",
                "description", "After login", "system", "portal", "impact", "LOW", "urgency", "LOW",
                "customer", Map.of("name", "Li Wei", "email", "li." + UUID.randomUUID() + "@example.com", "locale", "en"))).json();
        key = created.get("key").asText();
        token = created.get("trackingToken").asText();
    }

    @Test
    void customerSeesAndDownloadsOnlyPublicAttachments() {
        Http.Response uploaded = upload("报告 screen.png", "image/png", PNG, "PUBLIC", "Authorization", ALICE);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("sha256").asText()).hasSize(64);
        assertThat(upload("notes.txt", "text/plain", "internal notes".getBytes(), "INTERNAL", "Authorization", ALICE).status())
                .isEqualTo(201);

        assertThat(http.get(path(), "Authorization", ALICE).json()).hasSize(2);
        JsonNode publicOnes = http.get(path(), "X-Tracking-Token", token).json();
        assertThat(publicOnes).hasSize(1);
        assertThat(publicOnes.get(0).get("fileName").asText()).isEqualTo("报告 screen.png");
        assertThat(publicOnes.get(0).get("size").asLong()).isEqualTo(PNG.length);
        assertThat(attachments.publicAttachments(key)).extracting(AttachmentInfo::fileName).containsExactly("报告 screen.png");

        Http.Response download = http.getBytes(path() + "/" + publicOnes.get(0).get("id").asText(), "X-Tracking-Token", token);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(PNG);
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"__ screen.png\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20screen.png");

        long internalId = http.get(path(), "Authorization", ALICE).json().get(1).get("id").asLong();
        assertThat(http.get(path() + "/" + internalId, "X-Tracking-Token", token).status()).isEqualTo(404);
        assertThat(http.get(path() + "/" + internalId, "Authorization", ALICE).status()).isEqualTo(200);
        assertThat(http.get(path(), "X-Tracking-Token", "wrong").status()).isEqualTo(404);

        JsonNode timeline = http.get("/api/tickets/" + key, "X-Tracking-Token", token).json().get("timeline");
        assertThat(timeline.findValuesAsText("message")).contains("Attachment added: 报告 screen.png (16 bytes)")
                .noneMatch(m -> m.contains("notes.txt"));
    }

    @Test
    void fileNameIsSanitisedAndTypeGuessedFromExtension() {
        Http.Response uploaded = upload("../../etc/passwd.csv", "application/octet-stream", "a,b\n1,2\n".getBytes(),
                null, "Authorization", ALICE);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("fileName").asText()).isEqualTo("passwd.csv");
        assertThat(uploaded.json().get("contentType").asText()).isEqualTo("text/csv");
        assertThat(uploaded.json().get("visibility").asText()).isEqualTo("PUBLIC");
    }

    @Test
    void aFileNameWithControlOrBidiCharactersIsRefused() {
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);
        // U+202E shows "invoice\u202Egnp.exe" as "invoiceexe.png"
        Http.Response spoofed = upload("invoice\u202Egnp.exe", "application/octet-stream", "MZ".getBytes(), null, "Authorization", ALICE);
        io.opsdesk.Http.assertProblem(spoofed, 400, "file", "U+202E (right-to-left override) at position 8");
        io.opsdesk.Http.assertProblem(upload("pass\twd.csv", "text/csv", "a,b\n".getBytes(), null, "Authorization", ALICE),
                400, "file", "U+0009");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void onlyStaffUpload() {
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);
        Http.Response refused = upload("a.png", "image/png", PNG, null, "X-Tracking-Token", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void tooLargeFileIsRefusedWithTheLimit() {
        assertRefused(upload("big.txt", "text/plain", "x".repeat(100 * 1024 + 1).getBytes(), null, "Authorization", ALICE),
                413, "the limit is 100 KB");
    }

    @Test
    void typeNotOnTheAllowListIsRefused() {
        assertRefused(upload("setup.exe", "application/x-msdownload", "MZ...".getBytes(), null, "Authorization", ALICE),
                415, "type application/x-msdownload is not accepted");
    }

    @Test
    void declaredPngThatIsNotAPngIsRefused() {
        assertRefused(upload("fake.png", "image/png", "<html><script>".getBytes(), null, "Authorization", ALICE),
                415, "declared as image/png but the content is not a PNG image");
    }

    @Test
    void missingOrEmptyFileIsRefused() {
        assertRefused(http.post(path(), multipart(Map.of("visibility", "PUBLIC"), null, null, null),
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY, "Authorization", ALICE), 400, "a file is required");
        assertRefused(upload("empty.txt", "text/plain", new byte[0], null, "Authorization", ALICE), 400, "non-empty");
    }

    @Test
    void unknownVisibilityIsRefused() {
        Map<String, Object> before = DatabaseSnapshot.of(jdbc);
        Http.Response refused = upload("a.png", "image/png", PNG, "SECRET", "Authorization", ALICE);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("visibility");
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
    }

    private void assertRefused(Http.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(response.json().get("detail").asText()).contains(detail);
        assertThat(jdbc.sql("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id where t.ticket_key = :key")
                .param("key", key).query(Long.class).single()).isZero();
        assertThat(http.get("/api/tickets/" + key, "Authorization", ALICE).json().get("timeline").findValuesAsText("type"))
                .doesNotContain("ATTACHMENT");
    }

    private String path() {
        return "/api/tickets/" + key + "/attachments";
    }

    private Http.Response upload(String name, String type, byte[] content, String visibility, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "multipart/form-data; boundary=" + BOUNDARY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.post(path(), multipart(visibility == null ? Map.of() : Map.of("visibility", visibility), name, type, content), all);
    }

    static final String BOUNDARY = "opsdesk-test-boundary";

    static byte[] multipart(Map<String, String> fields, String fileName, String type, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (fileName != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
