package io.opsdesk.inbound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The inbound mail poller, and only when {@code opsdesk.mail.inbound.enabled=true} its schedule. */
@Configuration(proxyBeanMethods = false)
class InboundMailConfig {

    @Bean
    InboundMailPoller inboundMailPoller(InboundMailProperties properties, InboundMailProcessor processor) {
        return new InboundMailPoller(properties, processor);
    }

    /** Scheduling for the poller; io.opsdesk.retention.RetentionSchedule switches it on for the nightly cleanup too. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "opsdesk.mail.inbound.enabled", havingValue = "true")
    static class Schedule {

        private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);

        private final InboundMailPoller poller;

        Schedule(InboundMailPoller poller, InboundMailProperties properties) {
            this.poller = poller;
            LOG.info("Inbound mail: polling {} every {}", properties.mailbox(), properties.pollInterval());
        }

        @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${opsdesk.mail.inbound.poll-interval:PT1M}")
        void poll() {
            poller.poll();
        }
    }
}
