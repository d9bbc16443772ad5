package io.opsdesk.assignment;

import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.engine.EngineTime;

/** Each group's assignment strategy: read by staff, changed by supervisors; a change applies to the next task on every node. */
@Service
public class AssignmentStrategies {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentStrategies.class);

    private final GroupSettings settings;
    private final Refusals refusals;

    AssignmentStrategies(GroupSettings settings, Refusals refusals) {
        this.settings = settings;
        this.refusals = refusals;
    }

    public List<GroupSetting> all() {
        return settings.all();
    }

    public GroupSetting get(String group) {
        return settings.find(group).orElseThrow(() -> refusals.invalid("group", "group.unknown", group, groups()));
    }

    /** Sets {@code group}'s strategy to {@code strategy} (a {@link Strategy} name); nothing changes when either is refused. */
    @Transactional
    public GroupSetting change(String group, String strategy, String by) {
        get(group);
        Strategy chosen = parse(strategy);
        settings.strategy(group, chosen, by, EngineTime.now());
        LOG.info("Automatic assignment in {}: {} set the strategy to {}", group, by, chosen);
        return get(group);
    }

    private Strategy parse(String strategy) {
        if (strategy == null || strategy.isBlank()) {
            throw refusals.invalid("strategy", "strategy.missing", Arrays.toString(Strategy.values()));
        }
        try {
            return Strategy.valueOf(strategy.trim());
        } catch (IllegalArgumentException e) {
            throw refusals.invalid("strategy", "strategy.unknown", strategy, Arrays.toString(Strategy.values()));
        }
    }

    private List<String> groups() {
        return settings.all().stream().map(GroupSetting::group).toList();
    }
}
