package io.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.web.RateLimitExceededException;
import io.opsdesk.web.RateLimiter;

/**
 * Over HTTP, once the local address has used its tickets (the test profile's limit is high, so this
 * test uses them up directly): the API answers a 429 problem, the portal a friendly 429 page.
 */
@OpsDeskTest
class PortalRateLimitTest {

    @LocalServerPort
    int port;
    final RateLimiter limiter;
    final JdbcClient jdbc;

    PortalRateLimitTest(RateLimiter limiter, JdbcClient jdbc) {
        this.limiter = limiter;
        this.jdbc = jdbc;
    }

    @AfterEach
    void refill() {
        limiter.reset();
    }

    @Test
    void ticketCreationBeyondTheLimitIsAnsweredWith429InApiAndPortal() {
        PortalClient browser = new PortalClient(port, "en");
        browser.get("/portal/tickets/new");
        useUpTheLimit("127.0.0.1");
        useUpTheLimit("0:0:0:0:0:0:0:1");

        Http.Response api = new Http(port).postJson("/api/tickets", Map.of(
                "type", "FAULT", "title", "One too many", "description", "d", "system", "billing",
                "impact", "LOW", "urgency", "LOW", "customer", Map.of("name", "A", "email", "a@example.com")));
        assertThat(api.status()).isEqualTo(429);
        assertThat(api.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(api.json().get("detail").asText()).startsWith("too many new tickets from this address");
        assertThat(Long.parseLong(api.header("Retry-After"))).isPositive();

        PortalClient.Page portal = browser.submit("/portal/tickets/new", "new-ticket",
                PortalPagesTest.validTicket(PortalPagesTest.customerEmail()));
        assertThat(portal.status()).isEqualTo(429);
        assertThat(portal.html().select("h1").text()).isEqualTo("Too many new tickets");
    }

    /** The suite's limit is huge; this address's bucket (a row shared by all nodes) is emptied directly. */
    private void useUpTheLimit(String address) {
        limiter.acquire(address);
        jdbc.sql("update rate_limit_bucket set tokens = 0 where client_key = :address").param("address", address).update();
        assertThatThrownBy(() -> limiter.acquire(address)).isInstanceOf(RateLimitExceededException.class);
    }
}
