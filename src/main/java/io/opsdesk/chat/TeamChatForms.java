package io.opsdesk.chat;

import java.util.Map;
import java.util.Set;

import io.opsdesk.chat.TeamChatProcess.Variables;
import io.opsdesk.engine.FormContract;

/**
 * The variables {@link TeamChat#announce} starts {@code team-chat-message} with. A step that announces may run
 * while a person completes a task (a priority decided at triage); the start guard then lets these through. No
 * staff group may start the process by hand ({@code identity.StaffAccess} grants none CREATE_INSTANCE on it).
 */
class TeamChatForms implements FormContract {

    @Override
    public Map<String, Set<String>> requiredFields() {
        return Map.of();
    }

    @Override
    public Map<String, Set<String>> startVariables() {
        return Map.of(TeamChatProcess.KEY,
                Set.of(Variables.GROUP, Variables.TITLE, Variables.TEXT, Variables.LINK, Variables.TASK_OF));
    }
}
