package io.opsdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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

    private static final String SPREAD = "--spread-ms=";

    private SlaTimerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        // --spread-ms=S: the tickets are opened S ms apart, so their timers fall due one by one on an idle node
        long spreadMillis = List.of(args).stream().filter(a -> a.startsWith(SPREAD)).findFirst()
                .map(a -> Long.parseLong(a.substring(SPREAD.length()))).orElse(0L);
        List<String> settings = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:sla-benchmark;DB_CLOSE_DELAY=-1",
                "--server.port=0",
                "--opsdesk.mail.outbox=target/benchmark-outbox",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.camunda=ERROR"));
        // more arguments after N override settings, e.g. --camunda.bpm.job-execution.core-pool-size=6
        settings.addAll(List.of(args).subList(Math.min(1, args.length), args.length).stream()
                .filter(a -> !a.startsWith(SPREAD)).toList());
        // command-line arguments: they outrank application.yaml, so the benchmark never touches ./data
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpsDeskApplication.class)
                .run(settings.toArray(String[]::new))) {
            run(app, tickets, spreadMillis);
        } finally {
            ClockUtil.reset();
        }
    }

    private static void run(ConfigurableApplicationContext app, int count, long spreadMillis) throws InterruptedException {
        TicketService service = app.getBean(TicketService.class);
        ManagementService management = app.getBean(ManagementService.class);
        HistoryService history = app.getBean(HistoryService.class);

        Instant created = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            ClockUtil.setCurrentTime(Date.from(created.plusMillis(i * spreadMillis)));
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
        Map<String, Instant> due = new HashMap<>();
        for (Job timer : management.createJobQuery().activityId(Elements.FIRST_RESPONSE_WARNING).list()) {
            due.put(timer.getProcessInstanceId(), timer.getDuedate().toInstant());
        }
        Instant first = Collections.min(due.values());
        if (spreadMillis == 0 && !first.equals(Collections.max(due.values()))) {
            throw new IllegalStateException("timers do not fall due together");
        }

        // from now on the engine clock runs, starting at the moment the first timer falls due
        ClockUtil.offset(first.toEpochMilli() - System.currentTimeMillis());
        long started = System.nanoTime();
        while (history.createHistoricActivityInstanceQuery().activityId(Elements.FIRST_RESPONSE_WARNING_STEP).finished()
                .count() < count) {
            if (System.nanoTime() - started > Duration.ofMinutes(10).toNanos() + count * spreadMillis * 1_000_000) {
                throw new IllegalStateException("warnings did not all happen in time");
            }
            Thread.sleep(100);
        }

        List<Long> fired = new ArrayList<>();
        for (HistoricActivityInstance timer : history.createHistoricActivityInstanceQuery()
                .activityId(Elements.FIRST_RESPONSE_WARNING).list()) {
            fired.add(timer.getStartTime().getTime() - due.get(timer.getProcessInstanceId()).toEpochMilli());
        }
        List<Long> stepped = new ArrayList<>();
        for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery()
                .activityId(Elements.FIRST_RESPONSE_WARNING_STEP).finished().list()) {
            stepped.add(step.getEndTime().getTime() - due.get(step.getProcessInstanceId()).toEpochMilli());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "SLA timer benchmark: %d P1 tickets, first-response warnings %s%n", count,
                spreadMillis == 0 ? "due together" : "due one by one, " + spreadMillis + " ms apart (an idle node)");
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));
        report("timer fired (due -> boundary event)", fired, spreadMillis == 0);
        report("warning step done (due -> recorded and mailed)", stepped, spreadMillis == 0);
    }

    private static void report(String what, List<Long> latencies, boolean together) {
        List<Long> sorted = latencies.stream().sorted().toList();
        long last = sorted.get(sorted.size() - 1);
        System.out.printf(Locale.ROOT, "%-48s n=%d  min=%d ms  p50=%d ms  p90=%d ms  p99=%d ms  max=%d ms%s%n",
                what, sorted.size(), sorted.get(0), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), last,
                together ? String.format(Locale.ROOT, "  throughput=%.1f/s", sorted.size() * 1000.0 / Math.max(1, last)) : "");
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
