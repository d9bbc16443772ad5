package io.opsdesk.release;

/**
 * The one home of {@code processes/release-delivery.bpmn}: its key, the element ids and variable names that Java
 * code and tests refer to.
 */
public final class ReleaseDeliveryProcess {

    public static final String KEY = "release-delivery";

    private ReleaseDeliveryProcess() {
    }

    public static final class Elements {
        public static final String START = "StartEvent_ReleaseRequested";
        public static final String REGISTER = "ServiceTask_RegisterRelease";
        public static final String APPROVE = "UserTask_ApproveRelease";
        public static final String REJECTED = "EndEvent_ReleaseRejected";
        public static final String PLAN_WINDOW = "ServiceTask_PlanMaintenanceWindow";
        public static final String MAINTENANCE_WINDOW = "Timer_MaintenanceWindow";
        public static final String DEPLOY = "UserTask_DeployRelease";
        public static final String VERIFY = "UserTask_VerifyRelease";
        public static final String DELIVER_TICKETS = "ServiceTask_DeliverTickets";
        public static final String DELIVERED = "EndEvent_ReleaseDelivered";
        public static final String ROLL_BACK = "UserTask_RollBackRelease";
        public static final String SEND_ROLLBACK_NOTICE = "ServiceTask_SendRollbackNotice";
        public static final String ROLLED_BACK = "EndEvent_ReleaseRolledBack";

        private Elements() {
        }
    }

    public static final class Variables {
        /** From the start form or the API. */
        public static final String VERSION = "releaseVersion";
        public static final String SUMMARY = "releaseSummary";
        /** The tickets it delivers: a comma- or space-separated text from the form, a list from the API. */
        public static final String TICKET_KEYS = "ticketKeys";
        public static final String INITIATOR = "initiator";
        /** Set by the register step; {@code REL-<id>} is also the business key. */
        public static final String RELEASE_ID = "releaseId";
        public static final String RELEASE_KEY = "releaseKey";
        /** The multi-instance element of the delivery step. */
        public static final String TICKET_KEY = "ticketKey";
        /** Set by the plan step: when the maintenance window opens and closes. */
        public static final String WINDOW_START = "windowStart";
        public static final String WINDOW_END = "windowEnd";
        /** Read-only text for every form: the release notes, the window, the state. */
        public static final String RELEASE_CONTEXT = "releaseContext";
        public static final String APPROVED = "releaseApproved";
        public static final String APPROVAL_COMMENT = "approvalComment";
        public static final String DEPLOYMENT_NOTES = "deploymentNotes";
        public static final String VERIFIED = "releaseVerified";
        public static final String VERIFICATION_NOTES = "releaseVerificationNotes";
        public static final String ROLLED_BACK = "rolledBack";
        public static final String ROLLBACK_NOTES = "rollbackNotes";

        private Variables() {
        }
    }

    /** The checklist of the deployment task: every item must be ticked. */
    public enum DeploymentCheck {
        backupTaken("a backup of the database and the current version is taken"),
        usersInformed("users were told about the maintenance"),
        deployedEverywhere("the new version runs on every node"),
        smokeTested("the smoke tests passed on production");

        private final String meaning;

        DeploymentCheck(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }
}
