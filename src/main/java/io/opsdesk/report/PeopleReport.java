package io.opsdesk.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The people's and groups' figures of a report ({@link PeopleFigures}), shown only to managers and supervisors
 * ({@link PeopleVisibility}). A person is a staff user id, a group a candidate group of the tasks; durations in
 * seconds, medians and p90 by nearest rank like the rest of the report.
 */
public record PeopleReport(List<Line> persons, List<Line> groups) {

    /**
     * One person or group: user tasks completed in the period and their handling time (created → completed), and
     * the outcomes of the tickets they resolved (see docs/operations.md "People and groups").
     */
    public record Line(String name, long tasksCompleted, Long medianHandlingSeconds, Long p90HandlingSeconds,
                       long slaMet, long slaTotal, long failedVerifications, long reopenedDeliveries, long rated,
                       Double averageRating) {

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public Double slaPercent() {
            return OperationsReport.percent(slaMet, slaTotal);
        }
    }
}
