package io.opsdesk.report;

/**
 * The one home of {@code processes/operations-report.bpmn} and its two schedules: keys, element ids and
 * variable names that Java code and tests refer to.
 */
public final class OperationsReportProcess {

    public static final String KEY = "operations-report";
    public static final String WEEKLY_KEY = "operations-report-weekly";
    public static final String MONTHLY_KEY = "operations-report-monthly";

    private OperationsReportProcess() {
    }

    public static final class Elements {
        public static final String START = "StartEvent_ReportRequested";
        public static final String COMPILE = "ServiceTask_CompileReport";
        public static final String MAIL = "ServiceTask_MailReport";
        public static final String PUBLISHED = "EndEvent_ReportPublished";
        public static final String WEEKLY_START = "StartEvent_WeeklyReportDue";
        public static final String MONTHLY_START = "StartEvent_MonthlyReportDue";
        public static final String CALL_REPORT = "CallActivity_OperationsReport";

        private Elements() {
        }
    }

    public static final class Variables {
        /** A {@link ReportPeriod.Kind} name; LAST_7_DAYS when absent. */
        public static final String PERIOD = "reportPeriod";
        /** yyyy-MM-dd, with CUSTOM. */
        public static final String FIRST_DAY = "periodFirstDay";
        public static final String LAST_DAY = "periodLastDay";
        /** "schedule:weekly" or "schedule:monthly" from the schedules. */
        public static final String TRIGGER = "trigger";
        /** Who started it from Tasklist (camunda:initiator) or the API. */
        public static final String INITIATOR = "initiator";
        /** The stored report's id, set by the compile step. */
        public static final String REPORT_ID = "reportId";

        private Variables() {
        }
    }
}
