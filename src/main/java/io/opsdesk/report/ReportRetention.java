package io.opsdesk.report;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.opsdesk.jdbc.SqlTime;
import io.opsdesk.retention.ExpiringRecords;
import io.opsdesk.engine.EngineTime;

/** Stored operations reports are deleted {@code opsdesk.retention.reports} after they were compiled. */
@Component
class ReportRetention implements ExpiringRecords {

    private final JdbcClient jdbc;
    private final Duration age;

    ReportRetention(JdbcClient jdbc, @Value("${opsdesk.retention.reports:P730D}") Duration age) {
        this.jdbc = jdbc;
        this.age = age;
    }

    @Override
    public String name() {
        return "operations reports";
    }

    @Override
    public int deleteExpired() {
        return jdbc.sql("delete from operations_report where compiled_at < :cutoff")
                .param("cutoff", SqlTime.timestamp(EngineTime.now().minus(age))).update();
    }
}
