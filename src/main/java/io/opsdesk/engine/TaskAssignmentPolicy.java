package io.opsdesk.engine;

import java.util.List;

/**
 * Who a new user task goes to when its model names groups but no assignee. The engine asks; a feature outside
 * the engine package ({@code io.opsdesk.assignment}) answers, so the engine knows no strategies or tables.
 */
public interface TaskAssignmentPolicy {

    /**
     * @param candidateGroups the task's candidate groups, the first being the one the model names first
     * @return the user id to assign the task to, or null to leave it in its groups' queue
     */
    String assigneeOf(List<String> candidateGroups);
}
