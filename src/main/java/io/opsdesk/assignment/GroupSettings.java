package io.opsdesk.assignment;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code assignment_group}: each group's strategy and turn, shared by every node. */
@Repository
class GroupSettings {

    private static final String COLUMNS = "group_id, strategy, last_assignee, updated_at, updated_by";

    private final JdbcClient jdbc;

    GroupSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GroupSetting> all() {
        return jdbc.sql("select " + COLUMNS + " from assignment_group order by group_id").query(GroupSettings::row).list();
    }

    Optional<GroupSetting> find(String group) {
        return jdbc.sql("select " + COLUMNS + " from assignment_group where group_id = :group")
                .param("group", group).query(GroupSettings::row).optional();
    }

    /**
     * The group's row, locked until the caller's transaction ends: a node choosing the next person waits here
     * for another that is choosing for the same group, then sees the turn that one took.
     */
    Optional<GroupSetting> lockForTurn(String group) {
        return jdbc.sql("select " + COLUMNS + " from assignment_group where group_id = :group for update")
                .param("group", group).query(GroupSettings::row).optional();
    }

    void turnTaken(String group, String user) {
        jdbc.sql("update assignment_group set last_assignee = :user where group_id = :group")
                .param("user", user).param("group", group).update();
    }

    void strategy(String group, Strategy strategy, String by, Instant at) {
        jdbc.sql("update assignment_group set strategy = :strategy, updated_by = :by, updated_at = :at where group_id = :group")
                .param("strategy", strategy.name()).param("by", by).param("at", timestamp(at)).param("group", group).update();
    }

    private static GroupSetting row(ResultSet rs, int row) throws SQLException {
        return new GroupSetting(rs.getString("group_id"), Strategy.valueOf(rs.getString("strategy")),
                rs.getString("last_assignee"), instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
