package io.opsdesk.inbound;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The inbound mail poller, and only when {@code opsdesk.mail.inbound.enabled=true} its schedule. */
@Configuration(proxyBeanMethods = false)
class InboundMailConfig {

    @Bean
    InboundMailPoller inboundMailPoller(InboundMailProperties properties, InboundMailProcessor processor) {
        return new InboundMailPoller(properties, processor);
    }

    /**
     * Scheduling for the poller (io.opsdesk.retention.RetentionSchedule switches it on for the nightly cleanup
     * too). In a cluster every node schedules the poll, and a lock row in the shared database (ShedLock, table
     * {@code shedlock}) lets one node at a time run it; the others skip that turn.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
    @ConditionalOnProperty(name = "opsdesk.mail.inbound.enabled", havingValue = "true")
    static class Schedule {

        /** The database's clock decides when a lock expires, so nodes' clocks need not agree. */
        @Bean
        LockProvider lockProvider(DataSource dataSource) {
            return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                    .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
        }

        private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);

        private final InboundMailPoller poller;

        Schedule(InboundMailPoller poller, InboundMailProperties properties) {
            this.poller = poller;
            LOG.info("Inbound mail: polling {} every {}", properties.mailbox(), properties.pollInterval());
        }

        // lockAtMostFor: a node that dies while polling holds the lock this long at most (a poll is bounded by the
        // IMAP timeouts per mail); lockAtLeastFor: a quick poll is not repeated at once by the other node
        @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${opsdesk.mail.inbound.poll-interval:PT1M}")
        @SchedulerLock(name = "inbound-mail-poll", lockAtMostFor = "PT5M", lockAtLeastFor = "PT0.5S")
        public void poll() {
            poller.poll();
        }
    }
}
