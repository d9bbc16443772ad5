package io.opsdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.OpsDeskApplication;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;

/**
 * How late do SLA timers fire when many fall due together? Not a test: a benchmark to rerun.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opsdesk.sla.SlaTimerBenchmark -Dexec.args="500"
 * # other job executor settings: -Dexec.args="500 --camunda.bpm.job-execution.core-pool-size=6"
 * </pre>
 *
 * Starts OpsDesk with its production job executor settings on an in-memory H2 database, creates N P1
 * tickets with the engine clock held at one instant (so all their first-response warning timers fall
 * due at the same moment, 22.5 minutes later), lets the job executor send their acknowledgements, then
 * moves the engine clock so that moment is now and lets it run. Reports, from Camunda's history, the
 * latency from due to fired of every timer (percentiles) and the timers fired per second, and the
 * same for the warning step they lead to (an asynchronous step that records the breach and mails the
 * group; mails go to the outbox directory).
 */
public final class SlaTimerBenchmark {

    private SlaTimerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        List<String> settings = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:sla-benchmark;DB_CLOSE_DELAY=-1",
                "--server.port=0",
                "--opsdesk.mail.outbox=target/benchmark-outbox",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.camunda=ERROR"));
        // more arguments after N override settings, e.g. --camunda.bpm.job-execution.core-pool-size=6
        settings.addAll(List.of(args).subList(Math.min(1, args.length), args.length));
        // command-line arguments: they outrank application.yaml, so the benchmark never touches ./data
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpsDeskApplication.class)
                .run(settings.toArray(String[]::new))) {
            run(app, tickets);
        } finally {
            ClockUtil.reset();
        }
    }

    private static void run(ConfigurableApplicationContext app, int count) throws InterruptedException {
        TicketService service = app.getBean(TicketService.class);
        ManagementService management = app.getBean(ManagementService.class);
        HistoryService history = app.getBean(HistoryService.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);

        Instant created = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(created));
        for (int i = 0; i < count; i++) {
            service.create(new NewTicket(TicketType.FAULT, "Benchmark " + i, "Timer benchmark", "bench", Level.HIGH,
                    Level.HIGH, "Bench", "bench-" + UUID.randomUUID() + "@example.com", null, "en", "API"), null);
        }
        // the acknowledgements run first: only then is each ticket in its clock scopes, with its timers
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (management.createJobQuery().activityId(Elements.FIRST_RESPONSE_WARNING).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("acknowledgements did not finish in 10 minutes");
            }
            Thread.sleep(200);
        }
        Instant due = management.createJobQuery().activityId(Elements.FIRST_RESPONSE_WARNING).list().stream()
                .map(job -> job.getDuedate().toInstant()).reduce((a, b) -> a.equals(b) ? a : null)
                .orElseThrow(() -> new IllegalStateException("timers do not fall due together"));

        // from now on the engine clock runs, starting at the moment the timers fall due
        ClockUtil.offset(due.toEpochMilli() - System.currentTimeMillis());
        long started = System.nanoTime();
        while (jdbc.sql("select count(*) from ticket_timeline where entry_type = 'SLA_WARNING'").query(Long.class).single() < count) {
            if (System.nanoTime() - started > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("warnings did not all happen in 10 minutes");
            }
            Thread.sleep(100);
        }

        List<Long> fired = new ArrayList<>();
        for (HistoricActivityInstance timer : history.createHistoricActivityInstanceQuery()
                .activityId(Elements.FIRST_RESPONSE_WARNING).list()) {
            fired.add(timer.getStartTime().getTime() - due.toEpochMilli());
        }
        List<Long> stepped = jdbc.sql("select occurred_at from ticket_timeline where entry_type = 'SLA_WARNING'")
                .query((rs, n) -> rs.getTimestamp(1).getTime() - due.toEpochMilli()).list();
        System.out.println();
        System.out.printf(Locale.ROOT, "SLA timer benchmark: %d P1 tickets, first-response warnings due together%n", count);
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));
        report("timer fired (due -> boundary event)", fired);
        report("warning step done (due -> recorded and mailed)", stepped);
    }

    private static void report(String what, List<Long> latencies) {
        List<Long> sorted = latencies.stream().sorted().toList();
        long last = sorted.get(sorted.size() - 1);
        System.out.printf(Locale.ROOT, "%-48s n=%d  min=%d ms  p50=%d ms  p90=%d ms  p99=%d ms  max=%d ms  throughput=%.1f/s%n",
                what, sorted.size(), sorted.get(0), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), last,
                sorted.size() * 1000.0 / Math.max(1, last));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
