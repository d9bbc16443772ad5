package io.opsdesk.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduling for OpsDesk's nightly housekeeping ({@link RetentionCleanup}, the H2 backup); each job checks
 * its own {@code enabled} setting.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionSchedule {
}
