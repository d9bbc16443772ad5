package io.opsdesk.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsdesk.OpsDeskProcess;

/**
 * {@code java ... --spring.profiles.active=prod} as an operator runs it: with development values it exits
 * non-zero and says which setting to fix; with good settings it starts with secure session cookies; and it
 * refuses a database whose demo users still have their demo passwords. Surefire execution "own-jvm".
 */
class ProductionProfileJvmTest {

    private static final String[] GOOD = {
            "--spring.profiles.active=prod",
            "--camunda.bpm.admin-user.password=a-long-admin-password",
            "--opsdesk.security.secret=k3J9xv0Qm2Lr8TzW5bYc"};

    @TempDir
    Path dataDir;

    @Test
    void exitsNonZeroNamingTheSettingWithDevelopmentValues() throws Exception {
        Path log = log();
        int exit = OpsDeskProcess.exitCode(dataDir, log, "--spring.profiles.active=prod");
        assertThat(exit).isNotZero();
        assertThat(Files.readString(log)).contains("camunda.bpm.admin-user.password (OPSDESK_ADMIN_PASSWORD)");
    }

    @Test
    void startsWithGoodSettingsAndSecureSessionCookies() throws Exception {
        try (OpsDeskProcess opsDesk = OpsDeskProcess.start(dataDir, log(), GOOD)) {
            HttpResponse<String> portal = opsDesk.client().send(HttpRequest.newBuilder(opsDesk.uri("/portal/tickets/new")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(portal.headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure", "HttpOnly", "SameSite=Lax"));
        }
    }

    @Test
    void refusesADatabaseWhoseDemoUsersKeepTheirDemoPasswords() throws Exception {
        Path log = log();
        // a first start without the prod profile creates alice, bob, carol and mike (password = id)
        OpsDeskProcess.start(dataDir, log, "--opsdesk.demo-users=true").close();
        int exit = OpsDeskProcess.exitCode(dataDir, log, GOOD);
        assertThat(exit).isNotZero();
        assertThat(Files.readString(log)).contains("still has its demo password");
    }

    private static Path log() throws java.io.IOException {
        return Files.createDirectories(Path.of("target", "own-jvm")).resolve("prod-" + System.nanoTime() + ".log");
    }
}
