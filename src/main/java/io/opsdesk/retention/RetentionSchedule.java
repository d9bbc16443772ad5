package io.opsdesk.retention;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link RetentionCleanup} on their schedules unless {@code opsdesk.retention.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "opsdesk.retention.enabled", havingValue = "true", matchIfMissing = true)
class RetentionSchedule {
}
