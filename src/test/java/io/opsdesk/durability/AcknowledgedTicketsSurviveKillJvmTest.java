package io.opsdesk.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.OpsDeskProcess;

/**
 * A 201 means the ticket is on disk: OpsDesk on its default H2 file database is killed with SIGKILL while
 * eight clients create tickets, started again on the same directory, and every ticket it acknowledged is
 * there and, once the restarted OpsDesk has worked off the start requests the kill left, has exactly one running
 * process; no process runs without its ticket. Runs in the surefire execution
 * "own-jvm" (OpsDesk in a JVM of its own, started from the test's classpath).
 */
class AcknowledgedTicketsSurviveKillJvmTest {

    private static final int CLIENTS = 8;
    /** killed once this many tickets are acknowledged, while the clients go on creating more */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 80;
    private static final String[] SETTINGS = {
            "--opsdesk.rate-limit.enabled=false",
            "--camunda.bpm.job-execution.enabled=true"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedTicketAndItsProcessSurviveAKill() throws Exception {
        Path log = Files.createDirectories(Path.of("target", "own-jvm")).resolve("opsdesk-" + System.nanoTime() + ".log");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean posting = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        int exitCode;
        try (OpsDeskProcess opsDesk = OpsDeskProcess.start(dataDir, log, SETTINGS)) {
            IntStream.range(0, CLIENTS).forEach(client -> clients.submit(() -> {
                while (posting.get()) {
                    createTicket(opsDesk, client, acknowledged);
                }
            }));
            await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
            exitCode = opsDesk.kill();
        } finally {
            posting.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(exitCode).as("killed by SIGKILL (128 + 9)").isEqualTo(137);

        // OpsDesk starts again on what the kill left, starts the processes of the tickets it had acknowledged but
        // not yet started (their start requests were committed with them), then stops cleanly so that the test can
        // open the files
        try (OpsDeskProcess restarted = OpsDeskProcess.start(dataDir, log, SETTINGS)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> queuedStarts(restarted) == 0);
        }

        Set<String> tickets = keys("select ticket_key from ticket");
        Set<String> processes = keys("""
                select business_key_ from act_ru_execution
                where id_ = proc_inst_id_ and proc_def_id_ like 'support-ticket:%'""");
        assertThat(tickets).as("tickets acknowledged with 201 (%d)", acknowledged.size()).containsAll(acknowledged);
        assertThat(processes).as("their support-ticket processes").containsAll(acknowledged);
        assertThat(tickets).as("every process has its ticket, every ticket its process").isEqualTo(processes);
        assertThat(keys("select business_key_ from act_ru_execution where id_ = proc_inst_id_ "
                + "and proc_def_id_ like 'support-ticket:%' group by business_key_ having count(*) > 1"))
                .as("tickets with more than one process").isEmpty();
        assertThat(keys("select ticket_id from ticket_start")).as("start requests left").isEmpty();
    }

    private static void createTicket(OpsDeskProcess opsDesk, int client, ConcurrentLinkedQueue<String> acknowledged) {
        String body = """
                {"type": "FAULT", "title": "Kill test %d", "description": "created while OpsDesk is killed",
                 "system": "billing", "impact": "LOW", "urgency": "LOW",
                 "customer": {"name": "Client %d", "email": "client%d@example.com", "locale": "en"}}"""
                .formatted(client, client, client);
        try {
            HttpResponse<String> response = opsDesk.client().send(HttpRequest.newBuilder(opsDesk.uri("/api/tickets"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                acknowledged.add(JSON.readTree(response.body()).get("key").asText());
            }
        } catch (IOException e) {
            // no answer (the process was killed): not acknowledged, so not counted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tickets whose process is still to be started, from /actuator/health/ticket-starts (as the administrator). */
    private static long queuedStarts(OpsDeskProcess opsDesk) throws IOException, InterruptedException {
        HttpResponse<String> response = opsDesk.client().send(HttpRequest.newBuilder(opsDesk.uri("/actuator/health/ticket-starts"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).at("/components/ticketStarts/details/queued").asLong(-1);
    }

    private Set<String> keys(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("opsdesk"), "sa", "");
             ResultSet rows = db.createStatement().executeQuery(sql)) {
            Set<String> keys = new HashSet<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys;
        }
    }
}
