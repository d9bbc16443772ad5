package io.opsdesk.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.jdbc.AfterCommit;

/**
 * Starts the processes of queued tickets ({@link StartQueue}), on one thread per node: woken after every
 * intake's commit and every {@code opsdesk.intake.poll-interval}. Up to {@code batch-size} processes start in
 * one transaction, which also deletes their queue rows, so a crash leaves each ticket either started or still
 * queued, never started twice. When a batch fails, its tickets are started one by one; a ticket whose start
 * fails keeps its row, with the error, and is tried again on {@code retry-schedule} (visible in
 * {@code /actuator/health/ticketStarts} and the log).
 */
@Component
class TicketStarter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TicketStarter.class);
    private static final int BATCH_UNDER_LOAD = 5;

    private final StartQueue queue;
    private final TicketRepository tickets;
    private final TicketProcess process;
    private final TransactionTemplate transactions;
    private final IntakeProperties settings;
    private final IntakeActivity intake;
    private final Semaphore wake = new Semaphore(0);
    private final NodeWorker worker = new NodeWorker("ticket-starter");

    TicketStarter(StartQueue queue, TicketRepository tickets, TicketProcess process,
                  PlatformTransactionManager transactionManager, IntakeProperties settings, IntakeActivity intake) {
        this.queue = queue;
        this.tickets = tickets;
        this.process = process;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.intake = intake;
    }

    /** Queues the ticket's start in the caller's transaction; the worker is woken once it commits. */
    void queue(long ticketId) {
        queue.add(ticketId, EngineTime.now());
        AfterCommit.run(wake::release);
    }

    /** Starts what is due now, batch after batch, until nothing is due; returns how many processes started. */
    int drain() {
        int started = 0;
        for (int batch = startBatch(); batch > 0; batch = startBatch()) {
            started += batch;
        }
        return started;
    }

    private int startBatch() {
        return startBatch(settings.batchSize());
    }

    private int startBatch(int size) {
        List<Long> claimed = new ArrayList<>();
        try {
            Integer started = transactions.execute(status -> {
                claimed.addAll(queue.claimDue(size, EngineTime.now()));
                claimed.forEach(this::startClaimed);
                return claimed.size();
            });
            return started == null ? 0 : started;
        } catch (RuntimeException batchFailed) {
            if (claimed.isEmpty()) {
                throw batchFailed; // nothing claimed: the database itself failed
            }
            LOG.warn("Starting {} queued tickets together failed ({}); starting them one by one", claimed.size(),
                    batchFailed.toString());
            return (int) claimed.stream().filter(this::startAlone).count();
        }
    }

    private boolean startAlone(long ticketId) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (!queue.claim(ticketId)) {
                    return false; // started meanwhile, or another node holds it now
                }
                startClaimed(ticketId);
                return true;
            }));
        } catch (RuntimeException failed) {
            transactions.executeWithoutResult(status -> {
                int attempts = queue.attempts(ticketId) + 1;
                queue.failed(ticketId, failed.toString(), EngineTime.now().plus(settings.retryAfter(attempts)));
                LOG.error("The process of ticket {} could not be started (attempt {}); tried again in {}", ticketId,
                        attempts, settings.retryAfter(attempts), failed);
            });
            return false;
        }
    }

    private void startClaimed(long ticketId) {
        tickets.findById(ticketId).ifPresent(process::start);
        queue.remove(ticketId);
    }

    private void work() {
        while (worker.running()) {
            try {
                long began = System.nanoTime();
                // while tickets arrive, small batches: the intake's commits wait behind each batch's commit
                int size = intake.busy() ? Math.min(settings.batchSize(), BATCH_UNDER_LOAD) : settings.batchSize();
                if (startBatch(size) > 0) {
                    yieldToIntake(System.nanoTime() - began);
                    continue;
                }
            } catch (RuntimeException unexpected) {
                // the database is away (a restart, a fail-over): the rows wait; look again after the interval
                LOG.warn("Looking for queued ticket starts failed: {}", unexpected.toString());
            }
            awaitWork();
        }
    }

    /**
     * While customers' tickets keep arriving, pauses so that starting takes at most
     * {@code start-share-under-load} of the time: a burst is answered at the intake's speed and its processes
     * start at the full rate once it ebbs. Never stops starting altogether, so a sustained overload still moves.
     */
    private void yieldToIntake(long batchNanos) {
        double share = settings.startShareUnderLoad();
        // in short slices: the pause ends with the burst (one long park after a slow batch held 800 tickets
        // back for 50 s after the last request, docs/performance.md) and with stop()
        intake.giveWay((long) (batchNanos * (1 - share) / share), worker::running);
    }

    /** Until woken (an intake committed, or stop) or the poll interval passed. */
    private void awaitWork() {
        try {
            if (wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.halt();
        }
    }

    @Override
    public void start() {
        worker.start(this::work);
    }

    /** The starter ends after its batch. */
    @Override
    public void stop() {
        worker.stop(wake::release);
    }

    @Override
    public boolean isRunning() {
        return worker.started();
    }
}
