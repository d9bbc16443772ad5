package io.opsdesk.assignment;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Automatic assignment: each group's strategy ({@code GET} staff, {@code PUT} supervisors and camunda-admin,
 * see SecurityConfig) and who is away ({@code GET /away}: supervisors, managers, camunda-admin).
 */
@RestController
@RequestMapping("/api/assignment")
class AssignmentController {

    private final AssignmentStrategies strategies;
    private final AwayService away;

    AssignmentController(AssignmentStrategies strategies, AwayService away) {
        this.strategies = strategies;
        this.away = away;
    }

    /** The body of a change: {@code {"strategy": "ROUND_ROBIN"}}. */
    record StrategyChange(String strategy) {
    }

    @GetMapping("/groups")
    List<GroupSetting> groups() {
        return strategies.all();
    }

    @GetMapping("/groups/{group}")
    GroupSetting group(@PathVariable String group) {
        return strategies.get(group);
    }

    @PutMapping("/groups/{group}")
    GroupSetting change(@PathVariable String group, @RequestBody StrategyChange change, Principal user) {
        return strategies.change(group, change.strategy(), user.getName());
    }

    @GetMapping("/away")
    List<Away> awayNow() {
        return away.awayNow();
    }
}
