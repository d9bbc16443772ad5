package io.opsdesk.report;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one home of {@code processes/operations-report.bpmn} and its two schedules: keys, element ids, the beans
 * the models name and the variables with typed reads, that Java code, element templates and tests refer to.
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

    /** The process beans the models name. */
    public static final class Beans {
        /** Service tasks, through {@code camunda:delegateExpression}. */
        public static final String COMPILE = "reportCompile";
        public static final String MAIL = "reportMail";
        /** Read as properties by the schedules' timers: {@code ${reportSchedule.weekly}}, {@code ${reportSchedule.monthly}}. */
        public static final String SCHEDULE = "reportSchedule";

        private Beans() {
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

        /** The stored report; set by the compile step. */
        public static long reportId(VariableScope scope) {
            if (!(scope.getVariable(REPORT_ID) instanceof Number id)) {
                throw new IllegalStateException("the process has no " + REPORT_ID + ": was the report compiled?");
            }
            return id.longValue();
        }

        /** Who or what asked for the report: the schedule's trigger, else {@code manual} and the initiator. */
        public static String triggeredBy(VariableScope scope) {
            Optional<String> initiator = text(scope, INITIATOR);
            return text(scope, TRIGGER).orElse("manual" + initiator.map(name -> ":" + name).orElse(""));
        }

        private static Optional<String> text(VariableScope scope, String name) {
            return Optional.ofNullable(scope.getVariable(name)).map(Object::toString);
        }
    }
}
