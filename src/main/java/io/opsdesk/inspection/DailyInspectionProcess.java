package io.opsdesk.inspection;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.opsdesk.engine.ProcessValues;

/**
 * The one home of {@code processes/daily-inspection.bpmn}: its key, the element ids, the beans its elements name
 * and its variables with typed reads, that Java code, element templates and tests refer to.
 */
public final class DailyInspectionProcess {

    public static final String KEY = "daily-inspection";
    /**
     * {@code processes/daily-inspection-schedule.bpmn}: the timer start that calls {@link #KEY}. Camunda 7 allows
     * a process only one none or timer start event, and the inspection keeps its none start for Tasklist.
     */
    public static final String SCHEDULE_KEY = "daily-inspection-schedule";
    public static final String REVIEW_FORM = "review-inspection";

    private DailyInspectionProcess() {
    }

    /** Element ids of the BPMN. */
    public static final class Elements {
        /** In {@link #SCHEDULE_KEY}: the timer start event and the call of the inspection. */
        public static final String SCHEDULED_START = "StartEvent_InspectionDue";
        public static final String CALL_INSPECTION = "CallActivity_DailyInspection";
        public static final String MANUAL_START = "StartEvent_InspectNow";
        public static final String START_RUN = "ServiceTask_StartRun";
        public static final String CHECK_TARGET = "ServiceTask_CheckTarget";
        public static final String RECORD_FINDINGS = "ServiceTask_RecordFindings";
        public static final String REVIEW = "UserTask_ReviewInspection";
        public static final String REVIEWED = "EndEvent_InspectionReviewed";

        private Elements() {
        }
    }

    /** The process beans the models name: delegates and task listeners through {@code camunda:delegateExpression}. */
    public static final class Beans {
        public static final String START_RUN = "inspectionStartRun";
        public static final String CHECK_TARGET = "inspectionCheckTarget";
        public static final String RECORD_FINDINGS = "inspectionRecordFindings";
        /** Task listener on {@code create} of the review: its name and the run's summary. */
        public static final String REVIEW_CONTEXT = "inspectionReviewContext";
        /** Task listener on {@code complete} of the review: stores it on the run. */
        public static final String REVIEW_RECORD = "inspectionReviewRecord";
        /** Read as a property by the schedule's timer: {@code ${inspectionSchedule.cycle}}. */
        public static final String SCHEDULE = "inspectionSchedule";

        private Beans() {
        }
    }

    /** Process variables. */
    public static final class Variables {
        /** Who or what started the run: {@code schedule}, {@code manual:alice}; set by the schedule; else from the initiator. */
        public static final String TRIGGER = "trigger";
        /** The user who started the process by hand ({@code camunda:initiator}), or null. */
        public static final String INITIATOR = "initiator";
        public static final String RUN_ID = "runId";
        /** The names of the targets to check; all configured ones unless given at the start. */
        public static final String TARGET_NAMES = "targetNames";
        /** The element variable of the multi-instance check. */
        public static final String TARGET_NAME = "targetName";
        public static final String NEW_TICKET_COUNT = "newTicketCount";
        public static final String UPDATED_TICKET_COUNT = "updatedTicketCount";
        /** One line per ticket opened or updated by the run, e.g. {@code OPS-000012 opened: Disk /data ...}. */
        public static final String TICKET_LINES = "inspectionTickets";
        /** Task-local, read-only: the run's summary shown in the review form. */
        public static final String SUMMARY = "inspectionSummary";
        public static final String REVIEW_COMMENT = "reviewComment";

        private Variables() {
        }

        /** The run the start step opened; every later step needs it. */
        public static long runId(VariableScope scope) {
            return read(scope, RUN_ID, Number.class).orElseThrow(() -> new IllegalStateException(
                    "the process has no " + RUN_ID + ": did the run start?")).longValue();
        }

        /** The target one instance of the check step checks. */
        public static String targetName(VariableScope scope) {
            return read(scope, TARGET_NAME, String.class).orElseThrow(() -> new IllegalStateException(
                    "the check step has no " + TARGET_NAME));
        }

        /** The targets the start asked for, if it named any. */
        public static Optional<List<?>> targetNames(VariableScope scope) {
            Object given = scope.getVariable(TARGET_NAMES);
            if (given != null && !(given instanceof List<?>)) {
                throw new IllegalArgumentException(TARGET_NAMES + " must be a list of target names, not " + given);
            }
            return Optional.ofNullable((List<?>) given);
        }

        /** Who or what started the run: the schedule's trigger, else {@code manual} and the initiator. */
        public static String triggeredBy(VariableScope scope) {
            Optional<String> initiator = read(scope, INITIATOR, Object.class).map(Object::toString);
            return read(scope, TRIGGER, Object.class).map(Object::toString)
                    .orElse("manual" + initiator.map(name -> ":" + name).orElse(""));
        }

        /** A variable as text (a count, a comment, the ticket lines), empty when absent or blank. */
        public static Optional<String> text(VariableScope scope, String name) {
            return read(scope, name, Object.class).map(Object::toString).filter(text -> !text.isBlank());
        }

        /** A checkbox of the review form: unticked or left out is false. */
        public static boolean ticked(VariableScope scope, String name) {
            return Boolean.TRUE.equals(scope.getVariable(name));
        }

        static <T> Optional<T> read(VariableScope scope, String name, Class<T> type) {
            return ProcessValues.of(scope).value(name, type);
        }
    }

    /** The review checklist: what the system cannot see, each a checkbox (boolean variable) of the review form. */
    public static final List<String> CHECKLIST = List.of(
            "machineRoomChecked", "backupsVerified", "certificatesChecked", "incidentsReviewed");
}
