package io.opsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The token buckets on a real database (H2 in memory, OpsDesk's migrations), the clock moved by the test. */
class RateLimiterTest {

    private final MovableClock clock = new MovableClock();
    private final DataSource database = database();
    private final RateLimiter limiter = new RateLimiter(new RateLimitProperties(true, 3, Duration.ofMinutes(1)), clock, database);

    private static DataSource database() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:rate-limit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    @Test
    void twoLimitersOnOneDatabaseShareTheBuckets() {
        RateLimiter otherNode = new RateLimiter(new RateLimitProperties(true, 3, Duration.ofMinutes(1)), clock, database);
        limiter.acquire("10.0.0.1");
        otherNode.acquire("10.0.0.1");
        limiter.acquire("10.0.0.1");
        assertThatThrownBy(() -> otherNode.acquire("10.0.0.1")).isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void allowsTheCapacityAtOnceThenAsksToWaitForTheNextToken() {
        limiter.acquire("10.0.0.1");
        limiter.acquire("10.0.0.1");
        limiter.acquire("10.0.0.1");

        assertThatThrownBy(() -> limiter.acquire("10.0.0.1"))
                .isInstanceOfSatisfying(RateLimitExceededException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(20));
    }

    @Test
    void earnsTokensBackEvenlyOverThePeriod() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(19));
        assertThatThrownBy(() -> limiter.acquire("10.0.0.1"))
                .isInstanceOfSatisfying(RateLimitExceededException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        clock.advance(Duration.ofSeconds(1));
        limiter.acquire("10.0.0.1");
        assertThatThrownBy(() -> limiter.acquire("10.0.0.1")).isInstanceOf(RateLimitExceededException.class);

        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
    }

    @Test
    void countsEachClientAddressOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        limiter.acquire("10.0.0.2");
        assertThatThrownBy(() -> limiter.acquire("10.0.0.1")).isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void resetForgetsEveryClient() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        limiter.reset();
        limiter.acquire("10.0.0.1");
    }

    @Test
    void disabledLimiterNeverRefuses() {
        RateLimiter off = new RateLimiter(new RateLimitProperties(false, 1, Duration.ofMinutes(1)), clock, database);
        for (int i = 0; i < 100; i++) {
            off.acquire("10.0.0.1");
        }
    }

    @Test
    void refusesAConfigurationWithoutCapacity() {
        assertThatThrownBy(() -> new RateLimiter(new RateLimitProperties(true, 0, Duration.ofMinutes(1)), clock, database))
                .hasMessageContaining("opsdesk.rate-limit");
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-04-01T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
