package io.opsdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

import io.opsdesk.OpsDeskTest;

/**
 * Customers' tickets are answered before their process starts; {@link TicketStarter} starts them. Workers
 * that compete (threads here, nodes in a cluster) never start a ticket twice, and a ticket whose start fails
 * waits with its error for its retry without holding back the tickets queued with it.
 */
@OpsDeskTest
class TicketStarterTest {

    private static final IntakeProperties SMALL_BATCHES =
            new IntakeProperties(100, 7, Duration.ofSeconds(1), List.of(Duration.ofSeconds(10)), 0.25);

    final TicketService tickets;
    final TicketStarter starter;
    final StartQueue queue;
    final TicketRepository repository;
    final TicketProcess process;
    final PlatformTransactionManager transactions;
    final RuntimeService runtime;
    final TicketStartsHealthIndicator health;
    final IntakeActivity activity;

    TicketStarterTest(TicketService tickets, TicketStarter starter, StartQueue queue, TicketRepository repository,
                      TicketProcess process, PlatformTransactionManager transactions, RuntimeService runtime,
                      TicketStartsHealthIndicator health, IntakeActivity activity) {
        this.tickets = tickets;
        this.starter = starter;
        this.queue = queue;
        this.repository = repository;
        this.process = process;
        this.transactions = transactions;
        this.runtime = runtime;
        this.health = health;
        this.activity = activity;
    }

    @BeforeEach
    void holdTheApplicationsStarter() {
        starter.stop();
        starter.drain();
    }

    @AfterEach
    void releaseIt() {
        ClockUtil.reset();
        starter.start();
    }

    @Test
    void competingWorkersStartEachReceivedTicketExactlyOnce() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add(receive("Competing " + i));
        }
        assertThat(keys).allSatisfy(key -> assertThat(processes(key)).as("no process before a worker starts it").isZero());
        assertThat(queue.backlog().queued()).isEqualTo(60);

        int workers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> started = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                TicketStarter worker = new TicketStarter(queue, repository, process, transactions, SMALL_BATCHES, activity);
                Callable<Integer> drain = () -> {
                    go.await();
                    return worker.drain();
                };
                started.add(pool.submit(drain));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> count : started) {
                total += count.get(2, TimeUnit.MINUTES);
            }
            assertThat(total).isEqualTo(60);
        } finally {
            pool.shutdownNow();
        }
        assertThat(keys).allSatisfy(key -> assertThat(processes(key)).as(key).isEqualTo(1));
        assertThat(queue.backlog().queued()).isZero();
    }

    @Test
    void aStartThatFailsWaitsWithItsErrorForItsRetryAndHoldsBackNoOther() {
        String good = receive("Good one");
        String bad = receive("Bad one");
        String alsoGood = receive("Also good");
        TicketStarter failingForOne = new TicketStarter(queue, repository, new FailingFor(bad, process), transactions,
                SMALL_BATCHES, activity);

        assertThat(failingForOne.drain()).isEqualTo(2);

        assertThat(processes(good)).isEqualTo(1);
        assertThat(processes(alsoGood)).isEqualTo(1);
        assertThat(processes(bad)).isZero();
        long badId = repository.findByKey(bad).orElseThrow().id();
        assertThat(queue.attempts(badId)).isEqualTo(1);
        assertThat(health.health().getStatus()).isEqualTo(TicketStartsHealthIndicator.WARNING);
        assertThat(health.health().getDetails()).containsEntry("queued", 1L).containsEntry("failing", 1L);

        assertThat(starter.drain()).as("not again before its retry is due").isZero();
        ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(11)));
        assertThat(starter.drain()).isEqualTo(1);
        assertThat(processes(bad)).isEqualTo(1);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void aTicketQueuedByANodeWhoseClockRunsAheadIsStartedAtOnce() {
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(Duration.ofDays(3))));
        String ahead = receive("Queued three days ahead");
        ClockUtil.reset();

        assertThat(starter.drain()).isEqualTo(1);
        assertThat(processes(ahead)).isEqualTo(1);
        assertThat(queue.backlog().queued()).isZero();
    }

    private String receive(String title) {
        return tickets.receive(new NewTicket(TicketType.FAULT, title, "Queued start", "billing", Level.LOW, Level.LOW,
                "Queue", "queue-" + UUID.randomUUID() + "@example.com", null, "en", "API"), "test", null).ticket().key();
    }

    private long processes(String key) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count();
    }

    /** The real process port, except that starting one ticket's process fails, as a broken model would. */
    private record FailingFor(String key, TicketProcess real) implements TicketProcess {

        @Override
        public ProcessInstance start(Ticket ticket) {
            if (ticket.key().equals(key)) {
                throw new IllegalStateException("the model cannot start " + key);
            }
            return real.start(ticket);
        }

        @Override
        public void customerReplied(String ticketKey, String message) {
            real.customerReplied(ticketKey, message);
        }

        @Override
        public void customerAnswered(String ticketKey, boolean accepted, String comment) {
            real.customerAnswered(ticketKey, accepted, comment);
        }
    }
}
