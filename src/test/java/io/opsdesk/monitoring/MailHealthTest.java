package io.opsdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.TestMailServer;

/** A mail server that is down shows in /actuator/health/mail, not in OpsDesk's own health. */
@OpsDeskTest
class MailHealthTest {

    private static final String ALICE = Http.basic("alice", "alice");

    @LocalServerPort
    int port;
    final GreenMail greenMail;

    Http http;

    MailHealthTest(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void healthStaysUpWhileTheMailServerIsDownAndTheMailGroupSaysDown() {
        greenMail.stop();
        try {
            Http.Response health = http.get("/actuator/health");
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

            Http.Response mail = http.get("/actuator/health/mail", "Authorization", ALICE);
            assertThat(mail.status()).as(mail.body()).isEqualTo(503);
            assertThat(mail.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(mail.json().at("/components/mail/details/location").asText()).contains(":" + TestMailServer.SMTP_PORT);
        } finally {
            greenMail.start();
        }
        Http.Response mail = http.get("/actuator/health/mail");
        assertThat(mail.status()).as(mail.body()).isEqualTo(200);
        assertThat(mail.json().get("status").asText()).isEqualTo("UP");
    }
}
