package io.opsdesk.release;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.opsdesk.engine.ProcessValues;

/**
 * The one home of {@code processes/release-delivery.bpmn}: its key, the element ids, the names of the beans its
 * elements use ({@code camunda:delegateExpression="${releaseRegister}"}) and its variables with typed reads, that
 * Java code, element templates and tests refer to.
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

    /**
     * The process beans the model names, each a {@code JavaDelegate}, {@code TaskListener} or {@code ExecutionListener}
     * used through {@code camunda:delegateExpression}.
     */
    public static final class Beans {
        /** Service tasks. */
        public static final String REGISTER = "releaseRegister";
        public static final String PLAN_WINDOW = "releasePlanWindow";
        public static final String DELIVER_TICKET = "releaseDeliverTicket";
        public static final String ROLLBACK_NOTICE = "releaseRollbackNotice";
        /** Task listener on {@code create} of every user task: its name and the read-only context. */
        public static final String TASK_CONTEXT = "releaseTaskContext";
        /** Task listeners on {@code complete}: check the form, record the step. */
        public static final String APPROVAL_RECORD = "releaseApprovalRecord";
        public static final String DEPLOYMENT_RECORD = "releaseDeploymentRecord";
        public static final String VERIFICATION_RECORD = "releaseVerificationRecord";
        public static final String ROLLBACK_RECORD = "releaseRollbackRecord";
        /** Execution listeners on {@code start} of the user tasks: the release's status. */
        public static final String DEPLOYING = "releaseDeploying";
        public static final String VERIFYING = "releaseVerifying";
        public static final String ROLLING_BACK = "releaseRollingBack";
        /** Execution listeners on {@code end} of the end events: the release's final status. */
        public static final String DELIVERED = "releaseDelivered";
        public static final String ROLLED_BACK = "releaseRolledBack";

        private Beans() {
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

        /** The registered release's id; every step after the register step needs it. */
        public static long releaseId(VariableScope scope) {
            return read(scope, RELEASE_ID, Number.class).orElseThrow(() -> new IllegalStateException(
                    "the process has no " + RELEASE_ID + ": was the release registered?")).longValue();
        }

        /** The ticket one instance of the delivery step delivers. */
        public static String ticketKey(VariableScope scope) {
            return read(scope, TICKET_KEY, String.class).orElseThrow(() -> new IllegalStateException(
                    "the delivery step has no " + TICKET_KEY));
        }

        /** A text variable (version, summary, initiator, form notes), empty when absent. */
        public static Optional<String> text(VariableScope scope, String name) {
            return read(scope, name, Object.class).map(Object::toString);
        }

        /** A form's yes/no field, empty when absent or not a boolean. */
        public static Optional<Boolean> flag(VariableScope scope, String name) {
            return scope.getVariable(name) instanceof Boolean flag ? Optional.of(flag) : Optional.empty();
        }

        /** The tickets as the start gave them: the form's text or the API's list. */
        public static List<String> ticketKeys(VariableScope scope) {
            return ReleaseService.ticketKeys(scope.getVariable(TICKET_KEYS));
        }

        /** The start form's field for a field of the API ({@code tickets[2]}): the ticket list is one text field there. */
        public static String startField(String apiField) {
            return apiField.startsWith("tickets") ? TICKET_KEYS : apiField.equals("version") ? VERSION : SUMMARY;
        }

        static <T> Optional<T> read(VariableScope scope, String name, Class<T> type) {
            return ProcessValues.of(scope).value(name, type);
        }
    }

    /** The checklist of the deployment task: every item must be ticked. */
    public enum DeploymentCheck {
        backupTaken("a backup of the database and the current version is taken", "已备份数据库和当前版本"),
        usersInformed("users were told about the maintenance", "已通知用户维护安排"),
        deployedEverywhere("the new version runs on every node", "新版本已在所有节点运行"),
        smokeTested("the smoke tests passed on production", "生产环境冒烟测试已通过");

        private final String meaning;
        private final String zh;

        DeploymentCheck(String meaning, String zh) {
            this.meaning = meaning;
            this.zh = zh;
        }

        public String meaning() {
            return meaning;
        }

        /** The same in Chinese, for the form's refusal. */
        public String zh() {
            return zh;
        }
    }
}
