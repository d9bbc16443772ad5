package io.opsdesk.inspection;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

import org.springframework.stereotype.Component;

/** NETWORK targets: a TCP connect with a timeout; refused or timed out fails, slow warns. */
@Component
class NetworkCheck implements Check {

    @Override
    public TargetKind kind() {
        return TargetKind.NETWORK;
    }

    @Override
    public CheckResult check(InspectionTarget target) {
        NetworkSettings settings = target.getNetwork();
        String endpoint = settings.getHost() + ":" + settings.getPort();
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.getHost(), settings.getPort()), (int) settings.getConnectTimeout().toMillis());
            long latency = (System.nanoTime() - start) / 1_000_000;
            if (latency > settings.getMaxLatency().toMillis()) {
                String message = "connected to %s in %d ms (maximum %d ms)".formatted(endpoint, latency, settings.getMaxLatency().toMillis());
                return new CheckResult(target.getName(), target.getKind(), CheckStatus.WARNING, (double) latency, latency, message,
                        List.of(Finding.of(target, "latency", target.getName() + ": slow connect to " + endpoint, message)));
            }
            return new CheckResult(target.getName(), target.getKind(), CheckStatus.OK, (double) latency, latency,
                    "connected to " + endpoint + " in " + latency + " ms", List.of());
        } catch (SocketTimeoutException e) {
            return CheckResult.failed(target, "unreachable",
                    "no connection to " + endpoint + " within " + settings.getConnectTimeout().toMillis() + " ms", e);
        } catch (Exception e) {
            return CheckResult.failed(target, "unreachable", "cannot connect to " + endpoint, e);
        }
    }
}
