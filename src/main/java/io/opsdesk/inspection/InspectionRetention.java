package io.opsdesk.inspection;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.opsdesk.jdbc.SqlTime;
import io.opsdesk.retention.ExpiringRecords;
import io.opsdesk.engine.EngineTime;

/**
 * Finished inspection runs (with their results) are deleted {@code opsdesk.retention.inspection-runs} after they
 * started. The tickets they opened stay; log review positions are not runs and stay too.
 */
@Component
class InspectionRetention implements ExpiringRecords {

    private final JdbcClient jdbc;
    private final Duration age;

    InspectionRetention(JdbcClient jdbc, @Value("${opsdesk.retention.inspection-runs:P400D}") Duration age) {
        this.jdbc = jdbc;
        this.age = age;
    }

    @Override
    public String name() {
        return "inspection runs";
    }

    @Override
    public int deleteExpired() {
        // inspection_result rows go with their run (on delete cascade)
        return jdbc.sql("delete from inspection_run where finished_at is not null and started_at < :cutoff")
                .param("cutoff", SqlTime.timestamp(EngineTime.now().minus(age))).update();
    }
}
