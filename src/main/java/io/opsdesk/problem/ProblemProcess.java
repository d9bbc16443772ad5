package io.opsdesk.problem;

/**
 * The one home of {@code processes/problem.bpmn}: its key, element ids, the beans its elements name and its
 * variables, for the BPMN-facing code, the controller and the tests alike.
 */
public final class ProblemProcess {

    public static final String KEY = "problem";

    private ProblemProcess() {
    }

    public static final class Elements {
        public static final String START = "StartEvent_ProblemReported";
        public static final String RECORD = "ServiceTask_RecordProblem";
        public static final String INVESTIGATE = "UserTask_InvestigateProblem";
        public static final String FIX = "UserTask_FixProblem";
        public static final String MOVE_TICKETS_ON = "ServiceTask_MoveLinkedTicketsOn";
        public static final String FIXED = "EndEvent_ProblemFixed";

        private Elements() {
        }
    }

    /** The process beans the model names through {@code camunda:delegateExpression}. */
    public static final class Beans {
        /** Service task: stores the problem, makes {@code PRB-000001} the business key. */
        public static final String RECORD = "problemRecord";
        /** Task listener on create of both user tasks: name and read-only context. */
        public static final String TASK_CONTEXT = "problemTaskContext";
        /** Task listeners on complete: root cause and workaround (known error); the fix (fixed). */
        public static final String KNOWN_ERROR = "problemKnownError";
        public static final String FIXED = "problemFixed";
        /** Service task: the open linked tickets move on with the fix. */
        public static final String MOVE_TICKETS_ON = "problemTicketsMoveOn";

        private Beans() {
        }
    }

    public static final class Variables {
        /** From the start form, the API or a ticket's form ("new"). */
        public static final String TITLE = "problemTitle";
        public static final String SYSTEM = "problemSystem";
        public static final String INITIATOR = "initiator";
        /** Set by the record step; also the business key. */
        public static final String PROBLEM_KEY = "problemKey";
        /** The investigate form. */
        public static final String ROOT_CAUSE = "rootCause";
        public static final String WORKAROUND = "workaround";
        /** The fix form: what was fixed, told to the customers of the linked tickets. */
        public static final String FIX = "problemFix";
        /** Task-local, read-only context shown in both forms. */
        public static final String PROBLEM_CONTEXT = "problemContext";

        private Variables() {
        }
    }
}
