package io.opsdesk.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.TaskAssignmentPolicy;

/**
 * Chooses the member of a group who gets a task, by the group's {@link Strategy}, among members who are not
 * away. The group's row stays locked until the transaction that creates (or hands on) the task commits, so on
 * every node of a cluster one choice per group happens at a time and each sees the turns taken before it.
 */
@Component
class AssigneePicker implements TaskAssignmentPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(AssigneePicker.class);

    private final GroupSettings settings;
    private final AwayRecords away;
    private final TeamDay day;
    private final IdentityService identity;
    private final TaskService tasks;

    AssigneePicker(GroupSettings settings, AwayRecords away, TeamDay day, IdentityService identity, TaskService tasks) {
        this.settings = settings;
        this.away = away;
        this.day = day;
        this.identity = identity;
        this.tasks = tasks;
    }

    /** A new task goes to a member of its first candidate group. */
    @Override
    public String assigneeOf(List<String> candidateGroups) {
        return pick(candidateGroups.get(0), Set.of()).orElse(null);
    }

    /** Whether {@code group} gives out its tasks (a group without a row never does). */
    boolean assigns(String group) {
        return settings.find(group).map(setting -> setting.strategy() != Strategy.OFF).orElse(false);
    }

    /**
     * The member of {@code group} to give a task to, other than {@code excluded}; empty when the group's
     * strategy is OFF or nobody is available.
     */
    Optional<String> pick(String group, Set<String> excluded) {
        if (!assigns(group)) {
            return Optional.empty(); // no lock for groups that do not assign: most tasks pass here
        }
        GroupSetting turn = settings.lockForTurn(group).orElseThrow();
        if (turn.strategy() == Strategy.OFF) {
            return Optional.empty(); // switched off meanwhile
        }
        List<String> members = identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
                .map(User::getId).toList();
        Set<String> absent = away.awayAmong(members, day.today());
        List<String> inTurn = rotation(members.stream()
                .filter(member -> !absent.contains(member) && !excluded.contains(member)).toList(), turn.lastAssignee());
        if (inTurn.isEmpty()) {
            LOG.info("Automatic assignment in {}: nobody is available ({} away); the task stays in the queue", group, absent);
            return Optional.empty();
        }
        String chosen = turn.strategy() == Strategy.ROUND_ROBIN ? inTurn.get(0) : fewestOpen(inTurn);
        settings.turnTaken(group, chosen);
        return Optional.of(chosen);
    }

    /** The members in turn order: those after {@code last} (by user id) first, then from the start. */
    static List<String> rotation(List<String> members, String last) {
        List<String> after = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (String member : members) {
            (last != null && member.compareTo(last) > 0 ? after : before).add(member);
        }
        after.addAll(before);
        return after;
    }

    /** The member with the fewest open tasks assigned to them (any group, any process); of a tie the first in turn. */
    private String fewestOpen(List<String> inTurn) {
        Map<String, Long> open = new HashMap<>();
        inTurn.forEach(user -> open.put(user, tasks.createTaskQuery().taskAssignee(user).count()));
        return inTurn.stream().min(Comparator.comparing(open::get)).orElseThrow(); // min keeps the first of equals
    }
}
