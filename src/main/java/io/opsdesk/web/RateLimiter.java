package io.opsdesk.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A token bucket per client address for ticket creation (portal and API): each address may create
 * {@code capacity} tickets at once and earns them back evenly over {@code period}. The buckets are rows of
 * {@code rate_limit_bucket} in the database, taken with {@code select ... for update}, so all nodes of a
 * cluster share one limit (H2 and PostgreSQL alike). Buckets that are full again are deleted now and then.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimiter {

    private static final int SWEEP_EVERY = 1_000;
    private static final int KEY_MAX = 100;

    private record Bucket(double tokens, long updatedAt) {
    }

    private final RateLimitProperties properties;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AtomicLong acquisitions = new AtomicLong();

    @Autowired
    RateLimiter(RateLimitProperties properties, DataSource dataSource) {
        this(properties, Clock.systemUTC(), dataSource);
    }

    RateLimiter(RateLimitProperties properties, Clock clock, DataSource dataSource) {
        if (properties.capacity() < 1 || properties.period().isNegative() || properties.period().isZero()) {
            throw new IllegalArgumentException("opsdesk.rate-limit needs capacity >= 1 and a positive period, got "
                    + properties.capacity() + " per " + properties.period());
        }
        this.properties = properties;
        this.clock = clock;
        this.jdbc = JdbcClient.create(dataSource);
        // a transaction of its own, short: the bucket's row is locked only while it is taken from
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Takes one token for this client, or throws {@link RateLimitExceededException} saying when to retry. */
    public void acquire(String client) {
        if (!properties.enabled()) {
            return;
        }
        String key = client.length() > KEY_MAX ? client.substring(0, KEY_MAX) : client;
        long now = clock.millis();
        if (acquisitions.incrementAndGet() % SWEEP_EVERY == 0) {
            // after a whole period without a request every bucket is full again: no row needed
            jdbc.sql("delete from rate_limit_bucket where updated_at < :before")
                    .param("before", now - properties.period().toMillis()).update();
        }
        long waitMillis;
        try {
            waitMillis = transaction.execute(status -> take(key, now));
        } catch (DuplicateKeyException firstRequestRaced) {
            // another node created this client's bucket at the same moment: take from that one
            waitMillis = transaction.execute(status -> take(key, now));
        }
        if (waitMillis > 0) {
            throw new RateLimitExceededException(Duration.ofMillis(waitMillis));
        }
    }

    /** Forgets every client's usage (all buckets full again). */
    public void reset() {
        jdbc.sql("delete from rate_limit_bucket").update();
    }

    /** 0 if a token was taken, else the milliseconds until one is available. */
    private long take(String key, long now) {
        Optional<Bucket> found = jdbc.sql("select tokens, updated_at from rate_limit_bucket where client_key = :key for update")
                .param("key", key).query((rs, n) -> new Bucket(rs.getDouble(1), rs.getLong(2))).optional();
        if (found.isEmpty()) {
            jdbc.sql("insert into rate_limit_bucket (client_key, tokens, updated_at) values (:key, :tokens, :now)")
                    .param("key", key).param("tokens", properties.capacity() - 1.0).param("now", now).update();
            return 0;
        }
        Bucket bucket = found.get();
        double tokens = Math.min(properties.capacity(),
                bucket.tokens() + Math.max(0, now - bucket.updatedAt()) / millisPerToken());
        if (tokens < 1) {
            // (less a rounding crumb, so 19 s into a 20 s token says 1 s, not 2)
            return (long) Math.ceil((1 - tokens) * millisPerToken() - 1e-6);
        }
        jdbc.sql("update rate_limit_bucket set tokens = :tokens, updated_at = :now where client_key = :key")
                .param("tokens", tokens - 1).param("now", Math.max(now, bucket.updatedAt())).param("key", key).update();
        return 0;
    }

    private double millisPerToken() {
        return (double) properties.period().toMillis() / properties.capacity();
    }
}
