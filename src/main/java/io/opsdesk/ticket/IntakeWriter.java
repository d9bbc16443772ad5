package io.opsdesk.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsdesk.monitoring.OpsDeskMetrics;
import io.opsdesk.ticket.TicketService.Created;

/**
 * Group commit for customers' tickets (portal, {@code POST /api/tickets}). A request hands its ticket to this
 * writer and waits; the writer stores every ticket waiting at that moment, up to {@code opsdesk.intake.commit-group},
 * in one transaction, each inside a savepoint, and answers each request once that transaction has committed. So a
 * 201 is still on disk when it is sent, but sixteen concurrent requests cost one commit instead of sixteen: with
 * H2's {@code WRITE_DELAY=0} the commit, which writes the changed pages to the file one transaction at a time, was
 * two thirds of a request's time (docs/performance.md#intake).
 * <p>A ticket that is refused (a reused Idempotency-Key) rolls back to its savepoint and fails alone. If the group's
 * commit fails, each of its tickets is stored again in a transaction of its own. While the writer is not running
 * (before start-up, during shutdown) a request stores its ticket in its own thread as before.
 */
@Component
class IntakeWriter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeWriter.class);

    /** A request's ticket and the answer it waits for. */
    record Pending(NewTicket request, String caller, String idempotencyKey, CompletableFuture<Created> result) {

        Pending(NewTicket request, String caller, String idempotencyKey) {
            this(request, caller, idempotencyKey, new CompletableFuture<>());
        }
    }

    private final TicketIntake intake;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final int groupSize;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final NodeWorker worker = new NodeWorker("intake-writer");
    private final IntakeActivity activity;

    private final OpsDeskMetrics metrics;

    IntakeWriter(TicketIntake intake, PlatformTransactionManager transactionManager, IntakeProperties settings,
                 OpsDeskMetrics metrics, IntakeActivity activity) {
        this.intake = intake;
        this.activity = activity;
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.groupSize = settings.commitGroup();
    }

    /** Stores the ticket and its start request; returns once they are committed. */
    Created write(NewTicket request, String caller, String idempotencyKey) {
        if (!worker.running()) {
            return alone(request, caller, idempotencyKey);
        }
        Pending mine = new Pending(request, caller, idempotencyKey);
        pending.add(mine);
        worker.unpark();
        if (!worker.running() && pending.remove(mine)) {
            return alone(request, caller, idempotencyKey); // the writer stopped meanwhile and will not take it
        }
        try {
            return mine.result().get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the ticket was being stored", interrupted);
        }
    }

    private Created alone(NewTicket request, String caller, String idempotencyKey) {
        return transactions.execute(status -> intake.store(request, caller, idempotencyKey, false));
    }

    private void work() {
        List<Pending> group = new ArrayList<>(groupSize);
        while (worker.running() || !pending.isEmpty()) {
            Pending first = pending.poll();
            if (first == null) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100)); // woken by write() or stop()
                continue;
            }
            group.add(first);
            pending.drainTo(group, groupSize - 1);
            activity.groupArrived();
            try {
                store(group);
            } catch (RuntimeException | Error unexpected) {
                group.forEach(waiting -> waiting.result().completeExceptionally(unexpected));
                LOG.error("Storing {} received tickets failed", group.size(), unexpected);
            }
            group.clear();
        }
    }

    /** Stores a group in one transaction and answers each of its requests (the worker's step; tests call it directly). */
    void store(List<Pending> group) {
        List<Runnable> answers = new ArrayList<>(group.size());
        try {
            transactions.executeWithoutResult(status -> {
                answers.clear();
                for (Pending ticket : group) {
                    try {
                        Created created = savepoints.execute(savepoint ->
                                intake.store(ticket.request(), ticket.caller(), ticket.idempotencyKey(), false));
                        answers.add(() -> ticket.result().complete(created));
                    } catch (RuntimeException refused) {
                        answers.add(() -> ticket.result().completeExceptionally(refused));
                    }
                }
            });
        } catch (RuntimeException groupFailed) {
            LOG.warn("Committing {} received tickets together failed ({}); storing them one by one", group.size(),
                    groupFailed.toString());
            for (Pending ticket : group) {
                try {
                    ticket.result().complete(alone(ticket.request(), ticket.caller(), ticket.idempotencyKey()));
                } catch (RuntimeException refused) {
                    ticket.result().completeExceptionally(refused);
                }
            }
            return;
        }
        metrics.intakeGroupCommitted(group.size());
        answers.forEach(Runnable::run);
    }

    @Override
    public void start() {
        worker.start(this::work);
    }

    /** The writer stores what waits, then ends. */
    @Override
    public void stop() {
        worker.stop(() -> { });
    }

    @Override
    public boolean isRunning() {
        return worker.started();
    }

    /** Stops after the web server has finished its requests, and starts before it takes any. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
