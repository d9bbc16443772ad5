package io.opsdesk.assignment;

import java.time.Instant;

/** A group's assignment strategy, whose turn it was last, and who changed the strategy when. */
public record GroupSetting(String group, Strategy strategy, String lastAssignee, Instant updatedAt, String updatedBy) {
}
