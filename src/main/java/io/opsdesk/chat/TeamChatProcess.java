package io.opsdesk.chat;

/** The one home of {@code processes/team-chat-message.bpmn}: its key, element ids, bean and variable names. */
public final class TeamChatProcess {

    public static final String KEY = "team-chat-message";

    private TeamChatProcess() {
    }

    public static final class Elements {
        public static final String START = "StartEvent_MessageAnnounced";
        public static final String SEND = "ServiceTask_PostToGroupRobot";
        public static final String SENT = "EndEvent_MessagePosted";

        private Elements() {
        }
    }

    public static final class Beans {
        /** {@code ServiceTask_PostToGroupRobot}: posts the message to the group's robot. */
        public static final String SEND = "teamChatPost";

        private Beans() {
        }
    }

    public static final class Variables {
        public static final String GROUP = "chatGroup";
        public static final String TITLE = "chatTitle";
        /** the lines, joined by line breaks */
        public static final String TEXT = "chatText";
        public static final String LINK = "chatLink";
        /** a process instance whose open task the link opens, looked up when posting */
        public static final String TASK_OF = "chatTaskOf";

        private Variables() {
        }
    }
}
