package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** APPLICATION checks against an HTTP server the test runs on 127.0.0.1. */
class ApplicationCheckTest {

    private final ApplicationCheck check = new ApplicationCheck(new HttpProbe());
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> answer(exchange, 200, "{\"status\":\"UP\",\"orders\":12}"));
        server.createContext("/broken", exchange -> answer(exchange, 500, "Internal Server Error: order 4711"));
        server.createContext("/slow", exchange -> {
            sleep(600);
            answer(exchange, 200, "finally");
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void expectedStatusAndBodyInTimeIsOk() {
        CheckResult result = check.check(target("/ok", "\"status\":\"UP\""));

        assertThat(result.status()).isEqualTo(CheckStatus.OK);
        assertThat(result.value()).isEqualTo(200.0);
        assertThat(result.latencyMs()).isNotNull().isLessThan(2000);
        assertThat(result.findings()).isEmpty();
        assertThat(result.message()).contains("answered HTTP 200");
    }

    @Test
    void serverErrorFailsWithTheAnswerAsEvidence() {
        CheckResult result = check.check(target("/broken", null));

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.message()).contains("HTTP 500 instead of 200");
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.title()).isEqualTo("shop: HTTP 500 instead of 200");
            assertThat(finding.evidence()).contains("Internal Server Error: order 4711");
        });
    }

    @Test
    void missingBodyFragmentFails() {
        CheckResult result = check.check(target("/ok", "\"status\":\"DOWN\""));

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.findings()).extracting(Finding::title).containsExactly("shop: the body does not contain \"status\":\"DOWN\"");
    }

    @Test
    void slowAnswerWarns() {
        InspectionTarget target = target("/slow", "finally");
        target.getApplication().setMaxLatency(Duration.ofMillis(200));

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.latencyMs()).isGreaterThanOrEqualTo(600);
        assertThat(result.findings()).extracting(Finding::title).singleElement().asString().startsWith("shop: slow: ");
    }

    @Test
    void noAnswerWithinTheTimeoutFails() {
        InspectionTarget target = target("/slow", null);
        target.getApplication().setTimeout(Duration.ofMillis(200));

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.message()).isEqualTo("GET " + target.getApplication().getUrl() + " got no answer within 200 ms");
        assertThat(result.findings()).singleElement().extracting(Finding::evidence).asString().contains("HttpTimeoutException");
    }

    @Test
    void sameAnomalyHasTheSameFingerprintInEveryRun() {
        Finding first = check.check(target("/broken", null)).findings().get(0);
        Finding second = check.check(target("/broken", null)).findings().get(0);
        Finding otherTarget = check.check(target("/broken", null, "shop-2")).findings().get(0);

        assertThat(first.fingerprint()).hasSize(64).isEqualTo(second.fingerprint()).isNotEqualTo(otherTarget.fingerprint());
    }

    private InspectionTarget target(String path, String expectedBody) {
        return target(path, expectedBody, "shop");
    }

    private InspectionTarget target(String path, String expectedBody, String name) {
        InspectionTarget target = new InspectionTarget(name, TargetKind.APPLICATION);
        target.getApplication().setUrl("http://127.0.0.1:" + server.getAddress().getPort() + path);
        target.getApplication().setExpectedBody(expectedBody);
        return target;
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
