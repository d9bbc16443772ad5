package io.opsdesk.engine;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** The candidate groups among a task's identity links: who works the task. */
public final class TaskCandidates {

    private TaskCandidates() {
    }

    public static Set<String> groups(Collection<? extends IdentityLink> links) {
        return links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
    }
}
