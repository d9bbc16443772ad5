package io.opsdesk.assignment;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code staff_away}: who said they are away, until which day. A day that has passed counts as back. */
@Repository
class AwayRecords {

    private static final String AWAY_ON = "(away_until is null or away_until >= :today)";

    private final JdbcClient jdbc;

    AwayRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks {@code user} away until {@code until} (inclusive; null: open-ended), replacing an earlier mark. */
    void away(String user, LocalDate until, Instant since) {
        back(user);
        jdbc.sql("insert into staff_away (user_id, away_until, since) values (:user, :until, :since)")
                .param("user", user).param("until", until == null ? null : Date.valueOf(until))
                .param("since", timestamp(since)).update();
    }

    void back(String user) {
        jdbc.sql("delete from staff_away where user_id = :user").param("user", user).update();
    }

    /** The user's mark if it still holds on {@code today}. */
    Optional<Away> find(String user, LocalDate today) {
        return jdbc.sql("select user_id, away_until, since from staff_away where user_id = :user and " + AWAY_ON)
                .param("user", user).param("today", Date.valueOf(today)).query(AwayRecords::row).optional();
    }

    /** Everyone away on {@code today}, by user id. */
    List<Away> all(LocalDate today) {
        return jdbc.sql("select user_id, away_until, since from staff_away where " + AWAY_ON + " order by user_id")
                .param("today", Date.valueOf(today)).query(AwayRecords::row).list();
    }

    /** Those of {@code users} who are away on {@code today}. */
    Set<String> awayAmong(Collection<String> users, LocalDate today) {
        if (users.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select user_id from staff_away where user_id in (:users) and " + AWAY_ON)
                .param("users", users).param("today", Date.valueOf(today)).query(String.class).list());
    }

    private static Away row(ResultSet rs, int row) throws SQLException {
        Date until = rs.getDate("away_until");
        return new Away(rs.getString("user_id"), until == null ? null : until.toLocalDate(), instant(rs, "since"));
    }
}
