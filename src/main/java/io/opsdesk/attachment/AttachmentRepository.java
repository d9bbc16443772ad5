package io.opsdesk.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.opsdesk.ticket.Visibility;

/** Plain JDBC access to {@code ticket_attachment}. */
@Repository
class AttachmentRepository {

    private static final String INFO_COLUMNS =
            "id, file_name, content_type, size_bytes, sha256, uploader, created_at, visibility";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long ticketId, String fileName, String contentType, byte[] content, String sha256, String uploader,
                Instant createdAt, Visibility visibility) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ticket_attachment (ticket_id, file_name, content_type, size_bytes, sha256, uploader,
                    created_at, visibility, content)
                values (:ticket, :name, :type, :size, :sha, :uploader, :at, :visibility, :content)""")
                .param("ticket", ticketId)
                .param("name", fileName)
                .param("type", contentType)
                .param("size", (long) content.length)
                .param("sha", sha256)
                .param("uploader", uploader)
                .param("at", Timestamp.from(createdAt))
                .param("visibility", visibility.name())
                .param("content", content)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<AttachmentInfo> list(long ticketId, boolean includeInternal) {
        return jdbc.sql("select " + INFO_COLUMNS + " from ticket_attachment where ticket_id = :ticket"
                        + " and (:internal = true or visibility = 'PUBLIC') order by id")
                .param("ticket", ticketId)
                .param("internal", includeInternal)
                .query(AttachmentRepository::info)
                .list();
    }

    Optional<AttachmentInfo> find(long ticketId, long id) {
        return jdbc.sql("select " + INFO_COLUMNS + " from ticket_attachment where ticket_id = :ticket and id = :id")
                .param("ticket", ticketId).param("id", id)
                .query(AttachmentRepository::info).optional();
    }

    byte[] content(long id) {
        return jdbc.sql("select content from ticket_attachment where id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    private static AttachmentInfo info(ResultSet rs, int row) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new AttachmentInfo(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploader"), created.toInstant(),
                Visibility.valueOf(rs.getString("visibility")));
    }
}
