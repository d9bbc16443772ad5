package io.opsdesk;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpsDesk in a JVM of its own, started as {@code java -cp <the test's classpath> io.opsdesk.OpsDeskApplication}
 * on a data directory, so that a test can kill it as an operating system would: {@link #kill()} sends
 * SIGKILL ({@code Process.destroyForcibly()} on Linux), and the JVM gets no chance to flush or close anything.
 */
public final class OpsDeskProcess implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private OpsDeskProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts OpsDesk on {@code dataDir} and waits until {@code /actuator/health} answers UP. */
    public static OpsDeskProcess start(Path dataDir, Path log, String... settings) throws IOException {
        OpsDeskProcess opsDesk = launch(dataDir, log, settings);
        await("OpsDesk up on port " + opsDesk.port + " (log: " + log + ")")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .failFast("OpsDesk exited", () -> !opsDesk.process.isAlive())
                .until(opsDesk::healthy);
        return opsDesk;
    }

    /** Starts OpsDesk on {@code dataDir} and returns its exit code: for a start that must fail. */
    public static int exitCode(Path dataDir, Path log, String... settings) throws IOException, InterruptedException {
        OpsDeskProcess opsDesk = launch(dataDir, log, settings);
        if (!opsDesk.process.waitFor(3, TimeUnit.MINUTES)) {
            opsDesk.kill();
            throw new AssertionError("OpsDesk started and kept running (log: " + log + ")");
        }
        return opsDesk.process.exitValue();
    }

    private static OpsDeskProcess launch(Path dataDir, Path log, String... settings) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                OpsDeskApplication.class.getName(),
                "--server.port=" + port,
                "--opsdesk.data-dir=" + dataDir,
                "--spring.main.banner-mode=off"));
        command.addAll(List.of(settings));
        // started in the data directory: a jar on the test classpath names "." in its manifest's Class-Path, and in
        // the repository that would put processes/ on the classpath a second time
        Process process = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new OpsDeskProcess(process, port);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public HttpClient client() {
        return CLIENT;
    }

    /** SIGKILL: the process ends at once, as in a crash or an OOM kill; the exit code is 128 + 9. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("OpsDesk did not die");
        }
        return process.exitValue();
    }

    /** SIGTERM: Spring shuts down and closes the database, as {@code systemctl stop} would. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
