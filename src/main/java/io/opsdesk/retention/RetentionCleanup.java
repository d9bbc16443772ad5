package io.opsdesk.retention;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes OpsDesk's own expired records every night ({@code opsdesk.retention.cron}); Camunda's history is
 * cleaned by Camunda's history cleanup in its own window. Every node may run it: deleting what is expired
 * twice deletes nothing the second time.
 */
@Component
public class RetentionCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionCleanup.class);

    private final List<ExpiringRecords> records;
    private final boolean enabled;

    RetentionCleanup(List<ExpiringRecords> records, @Value("${opsdesk.retention.enabled:true}") boolean enabled) {
        this.records = records;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${opsdesk.retention.cron:0 30 3 * * *}")
    void scheduled() {
        if (enabled) {
            run();
        }
    }

    /** Deletes what is expired now. */
    public void run() {
        for (ExpiringRecords expiring : records) {
            try {
                int deleted = expiring.deleteExpired();
                if (deleted > 0) {
                    LOG.info("Retention: deleted {} expired {}", deleted, expiring.name());
                }
            } catch (RuntimeException e) {
                // the others still run; tomorrow's run tries again
                LOG.error("Retention: could not delete expired {}", expiring.name(), e);
            }
        }
    }
}
