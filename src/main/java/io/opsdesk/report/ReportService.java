package io.opsdesk.report;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Compiles and keeps operations reports. */
@Service
public class ReportService {

    private final ReportCompiler compiler;
    private final ReportRepository reports;

    ReportService(ReportCompiler compiler, ReportRepository reports) {
        this.compiler = compiler;
        this.reports = reports;
    }

    /** Compiles the report for the period and stores it; returns its id. */
    @Transactional
    public long publish(ReportPeriod period, String triggeredBy) {
        return reports.insert(compiler.compile(period), triggeredBy);
    }

    public Optional<StoredReport> find(long id) {
        return reports.find(id);
    }

    public List<StoredReport> latest(int limit) {
        return reports.list(limit);
    }
}
