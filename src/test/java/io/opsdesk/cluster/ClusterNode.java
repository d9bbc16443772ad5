package io.opsdesk.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One OpsDesk node in a JVM process of its own ({@code java -cp <the test classpath>
 * io.opsdesk.OpsDeskApplication ...}), on a free port, logging to {@code target/cluster/<name>.log}.
 * {@link #kill()} is kill -9: no shutdown hook, no cleanup, locked jobs stay locked.
 */
final class ClusterNode implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private ClusterNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ClusterNode start(String name, List<String> arguments) {
        try {
            int port = freePort();
            Path dir = Path.of("target", "cluster", name).toAbsolutePath();
            Files.createDirectories(dir);
            // surefire starts tests from a manifest-only jar; the real classpath is in surefire.test.class.path
            // (without empty entries: one would put the working directory, the project with its processes/, on it)
            String classpath = java.util.Arrays.stream(System.getProperty("surefire.test.class.path",
                    System.getProperty("java.class.path")).split(java.io.File.pathSeparator))
                    .filter(entry -> !entry.isBlank()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
            Path argFile = dir.resolve("java.args");
            Files.writeString(argFile, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "@" + argFile,
                    "io.opsdesk.OpsDeskApplication", "--server.port=" + port, "--opsdesk.data-dir=" + dir,
                    "--spring.main.banner-mode=off"));
            command.addAll(arguments);
            Path log = dir.resolve(name + ".log");
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ClusterNode(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the node answers its health check with UP. */
    ClusterNode awaitUp(Duration atMost) {
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200 && health.body().contains("\"UP\"");
            } catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9 (SIGKILL): the node stops at once, in the middle of whatever it was doing. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
