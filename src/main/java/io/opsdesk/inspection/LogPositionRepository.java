package io.opsdesk.inspection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where log review stopped, per target and file ({@code inspection_log_position}), so it survives restarts. */
@Repository
class LogPositionRepository {

    private final JdbcClient jdbc;

    LogPositionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LogPosition> find(String target, String file) {
        return jdbc.sql("""
                select file_identity, head_hash, file_offset from inspection_log_position
                where target_name = :target and file_path = :file""")
                .param("target", target)
                .param("file", file)
                .query((rs, n) -> new LogPosition(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    void save(String target, String file, LogPosition position) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("""
                update inspection_log_position set file_identity = :identity, head_hash = :head, file_offset = :offset,
                    updated_at = :now
                where target_name = :target and file_path = :file""")
                .param("target", target).param("file", file).param("identity", position.identity())
                .param("head", position.headHash()).param("offset", position.offset()).param("now", now)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into inspection_log_position (target_name, file_path, file_identity, head_hash, file_offset, updated_at)
                    values (:target, :file, :identity, :head, :offset, :now)""")
                    .param("target", target).param("file", file).param("identity", position.identity())
                    .param("head", position.headHash()).param("offset", position.offset()).param("now", now)
                    .update();
        }
    }
}
