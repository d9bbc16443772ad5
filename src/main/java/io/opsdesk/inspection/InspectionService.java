package io.opsdesk.inspection;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs the checks of the configured targets and stores what they found. {@link #runAll} does a whole
 * run at once; the daily-inspection process does the same step by step: {@link #startRun}, then
 * {@link #checkAndRecord} per target (multi-instance), then {@link #finishRun}.
 */
@Service
public class InspectionService implements DisposableBean {

    private final InspectionTargets targets;
    private final Map<TargetKind, Check> checks = new EnumMap<>(TargetKind.class);
    private final InspectionRepository repository;
    private final InspectionProperties properties;
    private final ExecutorService executor;

    InspectionService(InspectionTargets targets, List<Check> checks, InspectionRepository repository, InspectionProperties properties) {
        this.targets = targets;
        checks.forEach(check -> this.checks.put(check.kind(), check));
        this.repository = repository;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "inspection-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The names of all targets, in the order they are checked. */
    public List<String> targetNames() {
        return targets.all().stream().map(InspectionTarget::getName).toList();
    }

    /** Checks every target (in parallel, each within the check timeout), stores the run and returns it. */
    public InspectionRun runAll(String triggeredBy) {
        long runId = startRun(triggeredBy);
        List<InspectionTarget> all = targets.all();
        List<Future<CheckResult>> running = all.stream().map(t -> executor.submit(() -> checks(t))).toList();
        long deadline = System.nanoTime() + properties.getCheckTimeout().toNanos();
        for (int i = 0; i < all.size(); i++) {
            repository.addResult(runId, await(all.get(i), running.get(i), deadline), Instant.now());
        }
        return finishRun(runId);
    }

    /** Checks one target now, without storing the result. */
    public CheckResult check(String targetName) {
        InspectionTarget target = target(targetName);
        return await(target, executor.submit(() -> checks(target)), System.nanoTime() + properties.getCheckTimeout().toNanos());
    }

    /** Starts a run that {@link #checkAndRecord} adds results to; returns its id. */
    public long startRun(String triggeredBy) {
        return repository.startRun(triggeredBy, Instant.now());
    }

    /** Checks one target and stores the result in the run. */
    public CheckResult checkAndRecord(long runId, String targetName) {
        CheckResult result = check(targetName);
        repository.addResult(runId, result, Instant.now());
        return result;
    }

    /** Ends the run: sets its end and counts; returns it with its results. */
    public InspectionRun finishRun(long runId) {
        repository.finishRun(runId, Instant.now());
        return run(runId);
    }

    /** Stores a person's review of the run: who, when, their comment and the checklist as JSON. */
    public void recordReview(long runId, String reviewedBy, Instant at, String comment, String checklistJson) {
        repository.recordReview(runId, reviewedBy, at, comment, checklistJson);
    }

    public InspectionRun run(long runId) {
        return repository.findRun(runId).orElseThrow(() -> new NoSuchElementException("no inspection run " + runId));
    }

    public List<InspectionRun> latestRuns(int limit) {
        return repository.latestRuns(limit);
    }

    private InspectionTarget target(String name) {
        return targets.find(name).orElseThrow(() -> new NoSuchElementException(
                "no inspection target '" + name + "'; the targets are " + targetNames()));
    }

    private CheckResult checks(InspectionTarget target) {
        Check check = checks.get(target.getKind());
        if (check == null) {
            return CheckResult.failed(target, "check", "no check for kind " + target.getKind(), null);
        }
        try {
            return check.check(target);
        } catch (RuntimeException | Error e) {
            return CheckResult.failed(target, "check", "the check broke down", e);
        }
    }

    private CheckResult await(InspectionTarget target, Future<CheckResult> result, long deadline) {
        try {
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return CheckResult.failed(target, "timeout", "no result within " + properties.getCheckTimeout().toMillis() + " ms (check-timeout)", null);
        } catch (ExecutionException e) {
            return CheckResult.failed(target, "check", "the check broke down", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            return CheckResult.failed(target, "check", "interrupted", e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
