package io.opsdesk.ticket.process;

/**
 * The one home of {@code processes/support-ticket.bpmn}: its key, the element ids, message names
 * and variable names that Java code and tests refer to.
 */
public final class SupportTicketProcess {

    public static final String KEY = "support-ticket";
    public static final String PRIORITY_DECISION = "ticket-priority";
    public static final String SLA_DECISION = io.opsdesk.sla.SlaPolicy.DECISION;

    private SupportTicketProcess() {
    }

    /** Element ids of the BPMN. */
    public static final class Elements {
        public static final String START = "StartEvent_TicketReceived";
        public static final String SEND_ACKNOWLEDGEMENT = "ServiceTask_SendAcknowledgement";
        public static final String TRIAGE = "UserTask_TriageTicket";
        public static final String REQUEST_INFORMATION = "ServiceTask_RequestInformation";
        public static final String WAIT_FOR_CUSTOMER = "ReceiveTask_WaitForCustomerReply";
        public static final String REMINDER_TIMER = "Timer_SendReminder";
        public static final String SEND_REMINDER = "ServiceTask_SendReminder";
        public static final String INFORMATION_TIMEOUT = "Timer_InformationTimeout";
        public static final String SEND_ABANDONED = "ServiceTask_SendAbandonedNotice";
        public static final String NO_REPLY = "EndEvent_NoReply";
        public static final String ABANDONED = "EndEvent_TicketAbandoned";
        public static final String REQUEST_DECLINED = "EndEvent_RequestDeclined";
        public static final String SEND_DECLINE = "ServiceTask_SendDeclineNotice";
        public static final String DECLINED = "EndEvent_TicketDeclined";
        public static final String DECIDE_PRIORITY = "BusinessRuleTask_DecidePriority";
        public static final String SEND_HANDLING_PLAN = "ServiceTask_SendHandlingPlan";
        public static final String RESOLVE_IN_SUPPORT = "UserTask_ResolveInSupport";
        public static final String ASSIGN_DEVELOPER = "UserTask_AssignDeveloper";
        public static final String IMPLEMENT_FIX = "UserTask_ImplementFix";
        public static final String VERIFY_FIX = "UserTask_VerifyFix";
        public static final String RECORD_FAILED_VERIFICATION = "ServiceTask_RecordFailedVerification";
        public static final String NEEDS_RELEASE = "Gateway_NeedsRelease";
        /** A verified fix that ships with a release waits here for {@link Messages#RELEASE_DEPLOYED}. */
        public static final String AWAIT_RELEASE = "ReceiveTask_AwaitRelease";
        public static final String SEND_DELIVERY = "ServiceTask_SendDeliveryNotice";
        public static final String AWAIT_ACCEPTANCE = "ReceiveTask_AwaitAcceptance";
        public static final String ACCEPTANCE_WINDOW = "Timer_AcceptanceWindowElapsed";
        public static final String CLOSED = "EndEvent_TicketClosed";
        public static final String INITIAL_PRIORITY = "BusinessRuleTask_InitialPriority";
        public static final String START_SLA = "ServiceTask_StartSlaClocks";
        public static final String REOPEN_RESOLUTION = "ServiceTask_ReopenResolution";
        public static final String FIRST_RESPONSE_WARNING_STEP = "ServiceTask_FirstResponseWarning";
        public static final String FIRST_RESPONSE_BREACH_STEP = "ServiceTask_FirstResponseBreach";
        public static final String FIRST_RESPONSE_ESCALATION_STEP = "ServiceTask_FirstResponseEscalation";
        public static final String RESOLUTION_WARNING_STEP = "ServiceTask_ResolutionWarning";
        public static final String RESOLUTION_BREACH_STEP = "ServiceTask_ResolutionBreach";
        public static final String RESOLUTION_ESCALATION_STEP = "ServiceTask_ResolutionEscalation";
        public static final String FIRST_RESPONSE_SCOPE = "SubProcess_FirstResponse";
        public static final String RESOLUTION_SCOPE = "SubProcess_Resolution";
        public static final String FIRST_RESPONSE_WARNING = "Timer_FirstResponseWarning";
        public static final String FIRST_RESPONSE_BREACH = "Timer_FirstResponseBreach";
        public static final String FIRST_RESPONSE_ESCALATION = "Timer_FirstResponseEscalation";
        public static final String RESOLUTION_WARNING = "Timer_ResolutionWarning";
        public static final String RESOLUTION_BREACH = "Timer_ResolutionBreach";
        public static final String RESOLUTION_ESCALATION = "Timer_ResolutionEscalation";
        public static final String HANDLE_FIRST_RESPONSE_BREACH = "UserTask_HandleFirstResponseBreach";
        public static final String HANDLE_RESOLUTION_BREACH = "UserTask_HandleResolutionBreach";
        /** Interrupts the resolution work of a ticket linked to a problem that was fixed ({@link Messages#PROBLEM_FIXED}). */
        public static final String PROBLEM_FIXED = "BoundaryEvent_ProblemFixed";
        public static final String RECORD_PROBLEM_FIX = "ServiceTask_RecordProblemFix";
        public static final String JOIN_DELIVERY_NOTICE = "Gateway_JoinDeliveryNotice";

        private Elements() {
        }
    }

    /**
     * The beans the BPMN names, each a delegate or listener through {@code camunda:delegateExpression}, and the
     * one {@code DueDate} bean its timers call. They are the model's whole reach into Java.
     */
    public static final class Beans {
        public static final String START_SLA_CLOCKS = "startSlaClocks";
        public static final String REOPEN_RESOLUTION_CLOCK = "reopenResolutionClock";
        public static final String PAUSE_RESOLUTION_CLOCK = "pauseResolutionClock";
        public static final String RESUME_RESOLUTION_CLOCK = "resumeResolutionClock";
        public static final String REPRIORITISE_SLA = "reprioritiseSla";
        public static final String SLA_DUE = "slaDue";
        public static final String FIRST_RESPONSE_WARNING = "slaFirstResponseWarning";
        public static final String FIRST_RESPONSE_BREACH = "slaFirstResponseBreach";
        public static final String FIRST_RESPONSE_ESCALATION = "slaFirstResponseEscalation";
        public static final String RESOLUTION_WARNING = "slaResolutionWarning";
        public static final String RESOLUTION_BREACH = "slaResolutionBreach";
        public static final String RESOLUTION_ESCALATION = "slaResolutionEscalation";
        public static final String RECORD_PRIORITY = "recordPriority";
        public static final String STATUS_IN_ANALYSIS = "statusInAnalysis";
        public static final String STATUS_WAITING_FOR_CUSTOMER = "statusWaitingForCustomer";
        public static final String STATUS_IN_PROGRESS = "statusInProgress";
        public static final String STATUS_IN_DEVELOPMENT = "statusInDevelopment";
        public static final String STATUS_IN_TESTING = "statusInTesting";
        public static final String AWAIT_RELEASE = "awaitRelease";
        public static final String DELIVERED = "ticketDelivered";
        public static final String CLOSED = "ticketClosed";
        public static final String ABANDONED = "ticketAbandoned";
        public static final String DECLINED = "ticketDeclined";
        public static final String CUSTOMER_MAIL = "customerMail";
        public static final String RECORD_FAILED_VERIFICATION = "recordFailedVerification";
        public static final String TASK_CONTEXT = "taskContext";
        public static final String TRIAGED = "ticketTriaged";
        public static final String RESOLVED_IN_SUPPORT = "resolvedInSupport";
        public static final String DEVELOPER_ASSIGNED = "developerAssigned";
        public static final String FIX_IMPLEMENTED = "fixImplemented";
        public static final String FIX_VERIFIED = "fixVerified";
        public static final String ESCALATION_HANDLED = "escalationHandled";
        public static final String RESOLVED_BY_PROBLEM = "resolvedByProblem";

        private Beans() {
        }
    }

    /** Message names correlated from the HTTP API. */
    public static final class Messages {
        public static final String CUSTOMER_REPLIED = "CustomerReplied";
        public static final String CUSTOMER_ACCEPTANCE = "CustomerAcceptance";
        /** Correlated by a release's delivery step (release-delivery.bpmn) by the ticket's business key. */
        public static final String RELEASE_DEPLOYED = "ReleaseDeployed";
        /** Correlated by a fixed problem (problem.bpmn) by the ticket's business key, with {@link Variables#PROBLEM_FIX}. */
        public static final String PROBLEM_FIXED = "ProblemFixed";

        private Messages() {
        }
    }

    /** Process variables: only what the process routes on, plus the ticket's identity. */
    public static final class Variables {
        public static final String TICKET_KEY = "ticketKey";
        public static final String TICKET_TITLE = "ticketTitle";
        public static final String TICKET_TYPE = "ticketType";
        public static final String IMPACT = "impact";
        public static final String URGENCY = "urgency";
        public static final String PRIORITY = "priority";
        public static final String TRIAGE_OUTCOME = "triageOutcome";
        public static final String ANALYSIS = "analysis";
        public static final String HANDLING_PLAN = "handlingPlan";
        public static final String INFORMATION_REQUEST = "informationRequest";
        public static final String FEASIBLE = "feasible";
        public static final String EFFORT_DAYS = "effortDays";
        public static final String AGREED_DELIVERY_DATE = "agreedDeliveryDate";
        public static final String AGREED_DELIVERY_DUE = "agreedDeliveryDue";
        public static final String DECLINE_REASON = "declineReason";
        public static final String RESOLUTION = "resolution";
        public static final String DEVELOPER = "developer";
        public static final String IMPLEMENTATION_NOTES = "implementationNotes";
        public static final String VERIFICATION_PASSED = "verificationPassed";
        public static final String VERIFICATION_FINDINGS = "verificationFindings";
        /** Set by the verify-fix form: the verified fix reaches production only with a release. */
        public static final String NEEDS_RELEASE = "needsRelease";
        /** Set with {@link Messages#RELEASE_DEPLOYED}: the release that delivered the fix, shown in the delivery mail. */
        public static final String RELEASE_VERSION = "releaseVersion";
        public static final String RELEASE_KEY = "releaseKey";
        public static final String ACCEPTED = "accepted";
        public static final String CUSTOMER_COMMENT = "customerComment";
        public static final String ESCALATION_ACTION = "escalationAction";
        public static final String ESCALATION_COMMENT = "escalationComment";
        public static final String REASSIGN_TO = "reassignTo";
        public static final String NEW_PRIORITY = "newPriority";
        public static final String CUSTOMER_TIER = "customerTier";
        /**
         * Triage and resolve-in-support forms (optional): a problem key such as PRB-000003, or "new" with
         * {@link #PROBLEM_TITLE}; replaced by the linked problem's key. Also set with {@link Messages#PROBLEM_FIXED}.
         */
        public static final String PROBLEM_KEY = "problemKey";
        public static final String PROBLEM_TITLE = "problemTitle";
        /** Set with {@link Messages#PROBLEM_FIXED}: the problem's fix, the ticket's resolution in the delivery mail. */
        public static final String PROBLEM_FIX = "problemFix";
        /** Set by the breach steps of the ladder: true if this breach is new, so a supervisor gets a task. */
        public static final String FIRST_RESPONSE_BREACH_ESCALATED = "firstResponseBreachEscalated";
        public static final String RESOLUTION_BREACH_ESCALATED = "resolutionBreachEscalated";
        /** Input parameter of the customer mail service tasks. */
        public static final String MAIL_TEMPLATE = "mailTemplate";
        /** Task-local, read-only context shown in every form. */
        public static final String TICKET_CONTEXT = "ticketContext";
        public static final String DEVELOPER_OPTIONS = "developerOptions";

        private Variables() {
        }
    }

    /** Values of {@link Variables#TRIAGE_OUTCOME}. */
    public enum TriageOutcome {
        RESOLVE_IN_SUPPORT, HAND_TO_DEVELOPMENT, SUPERVISOR_ASSIGNS, NEED_INFORMATION, DECLINE
    }
}
