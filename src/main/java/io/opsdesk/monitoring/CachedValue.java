package io.opsdesk.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A gauge's value, read again when older than its time to live, so a scrape never turns into a load. */
public final class CachedValue<T> {

    private final Duration ttl;
    private final Supplier<T> read;
    private T value;
    private Instant readAt = Instant.MIN;

    public CachedValue(Duration ttl, Supplier<T> read) {
        this.ttl = ttl;
        this.read = read;
    }

    public synchronized T get() {
        Instant now = Clock.systemUTC().instant();
        if (value == null || !now.isBefore(readAt.plus(ttl))) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
