package io.opsdesk.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address in a sliding window. An address with {@code maxFailures} failures in the
 * window is turned away until the oldest of them leaves it, before any password is checked. It replaces
 * Camunda's per-user lock (switched off in application.yaml), which let anyone lock a colleague out by
 * guessing at their name.
 */
final class LoginThrottle {

    private static final int SWEEP_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("opsdesk.login-throttle needs max-failures >= 1 and a positive window, got "
                    + maxFailures + " in " + window);
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long this address must wait before it may try a password again; empty if it may now. */
    Optional<Duration> blockedFor(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        synchronized (times) {
            expire(times, now);
            if (times.size() < maxFailures) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(times.peekFirst() + window.toMillis() - now));
        }
    }

    void failed(String address) {
        long now = clock.millis();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(times -> {
                synchronized (times) {
                    expire(times, now);
                    return times.isEmpty();
                }
            });
        }
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
        }
    }

    private void expire(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
            times.removeFirst();
        }
    }
}
