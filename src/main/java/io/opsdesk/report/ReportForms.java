package io.opsdesk.report;

import static io.opsdesk.report.OperationsReportProcess.Variables.*;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.opsdesk.engine.FormContract;

/** The fields of the report's start form that the period request reads. */
@Component
class ReportForms implements FormContract {

    @Override
    public Map<String, Set<String>> requiredFields() {
        return Map.of("request-report", Set.of(PERIOD, FIRST_DAY, LAST_DAY));
    }
}
