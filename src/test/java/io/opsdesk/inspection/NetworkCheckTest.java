package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** NETWORK checks against ports the test opens and closes on 127.0.0.1. */
class NetworkCheckTest {

    private final NetworkCheck check = new NetworkCheck();

    @Test
    void openPortIsOk() throws IOException {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CheckResult result = check.check(target(open.getLocalPort()));

            assertThat(result.status()).isEqualTo(CheckStatus.OK);
            assertThat(result.latencyMs()).isNotNull().isLessThan(500);
            assertThat(result.message()).startsWith("connected to 127.0.0.1:" + open.getLocalPort());
        }
    }

    @Test
    void closedPortFailsWithTheReason() throws IOException {
        int port = closedPort();

        CheckResult result = check.check(target(port));

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.message()).isEqualTo("cannot connect to 127.0.0.1:" + port);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.title()).isEqualTo("gateway: cannot connect to 127.0.0.1:" + port);
            assertThat(finding.evidence()).contains("ConnectException");
        });
    }

    @Test
    void slowConnectWarns() throws IOException {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InspectionTarget target = target(open.getLocalPort());
            target.getNetwork().setMaxLatency(Duration.ofMillis(-1));

            CheckResult result = check.check(target);

            assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(result.findings()).extracting(Finding::title).containsExactly("gateway: slow connect to 127.0.0.1:" + open.getLocalPort());
        }
    }

    @Test
    void unknownHostFails() {
        InspectionTarget target = target(80);
        target.getNetwork().setHost("no-such-host.invalid");

        assertThat(check.check(target).status()).isEqualTo(CheckStatus.FAILED);
    }

    /** A port nobody listens on: bound, then closed again. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static InspectionTarget target(int port) {
        InspectionTarget target = new InspectionTarget("gateway", TargetKind.NETWORK);
        target.getNetwork().setHost("127.0.0.1");
        target.getNetwork().setPort(port);
        return target;
    }
}
