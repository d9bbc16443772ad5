package io.opsdesk.inspection;

import java.util.List;

/**
 * The one home of {@code processes/daily-inspection.bpmn}: its key, the element ids and variable names
 * that Java code and tests refer to.
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
    }

    /** The review checklist: what the system cannot see, each a checkbox (boolean variable) of the review form. */
    public static final List<String> CHECKLIST = List.of(
            "machineRoomChecked", "backupsVerified", "certificatesChecked", "incidentsReviewed");
}
