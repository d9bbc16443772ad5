package io.opsdesk.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * An in-memory token bucket per client address for ticket creation (portal and API): each address may
 * create {@code capacity} tickets at once and earns them back evenly over {@code period}. Per node:
 * several nodes each allow the limit. Buckets that are full again are dropped, so memory stays small.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private final RateLimitProperties properties;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    RateLimiter(RateLimitProperties properties) {
        this(properties, Clock.systemUTC());
    }

    RateLimiter(RateLimitProperties properties, Clock clock) {
        if (properties.capacity() < 1 || properties.period().isNegative() || properties.period().isZero()) {
            throw new IllegalArgumentException("opsdesk.rate-limit needs capacity >= 1 and a positive period, got "
                    + properties.capacity() + " per " + properties.period());
        }
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes one token for this client, or throws {@link RateLimitExceededException} saying when to retry. */
    public void acquire(String client) {
        if (!properties.enabled()) {
            return;
        }
        long now = clock.millis();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(properties.capacity(), now));
        long waitMillis = bucket.take(now);
        if (waitMillis > 0) {
            throw new RateLimitExceededException(Duration.ofMillis(waitMillis));
        }
    }

    /** Forgets every client's usage (all buckets full again). */
    public void reset() {
        buckets.clear();
    }

    private final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updatedAt = now;
        }

        /** 0 if a token was taken, else the milliseconds until one is available. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            // (less a rounding crumb, so 19 s into a 20 s token says 1 s, not 2)
            return (long) Math.ceil((1 - tokens) * millisPerToken() - 1e-6);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= properties.capacity();
        }

        private void refill(long now) {
            if (now > updatedAt) {
                tokens = Math.min(properties.capacity(), tokens + (now - updatedAt) / millisPerToken());
                updatedAt = now;
            }
        }

        private double millisPerToken() {
            return (double) properties.period().toMillis() / properties.capacity();
        }
    }
}
