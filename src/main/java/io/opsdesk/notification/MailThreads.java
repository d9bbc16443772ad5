package io.opsdesk.notification;

import java.net.URI;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.EngineTime;

/**
 * The Message-IDs of the mails OpsDesk sent about tickets ({@code sent_mail}): each mail gets its own,
 * {@code <OPS-000123.uuid@host>} with the host of {@code opsdesk.public-url}, and a reply that names one in
 * {@code In-Reply-To} or {@code References} belongs to that ticket, whatever its subject says.
 */
@Component
public class MailThreads {

    private static final int MAX_IDS = 100;

    private final JdbcClient jdbc;
    private final String host;

    MailThreads(JdbcClient jdbc, @Value("${opsdesk.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        String parsed = URI.create(publicUrl.strip()).getHost();
        this.host = parsed == null || parsed.isBlank() ? "opsdesk" : parsed;
    }

    /** A new, globally unique Message-ID for a mail about this ticket. */
    String newMessageId(String ticketKey) {
        return "<" + ticketKey + "." + UUID.randomUUID() + "@" + host + ">";
    }

    void sent(String messageId, String ticketKey) {
        jdbc.sql("insert into sent_mail (message_id, ticket_key, sent_at) values (:id, :key, :at)")
                .param("id", messageId).param("key", ticketKey).param("at", Timestamp.from(EngineTime.now())).update();
    }

    /**
     * The ticket of the first of these Message-IDs (as given: In-Reply-To first, then References from the newest)
     * that OpsDesk sent; empty when none is one of ours.
     */
    public Optional<String> ticketOf(List<String> messageIds) {
        List<String> ids = messageIds.stream().limit(MAX_IDS).toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<Sent> sent = jdbc.sql("select message_id, ticket_key from sent_mail where message_id in (:ids)")
                .param("ids", ids).query((rs, row) -> new Sent(rs.getString(1), rs.getString(2))).list();
        return ids.stream().flatMap(id -> sent.stream().filter(s -> s.messageId().equals(id))).map(Sent::ticketKey).findFirst();
    }

    private record Sent(String messageId, String ticketKey) {
    }
}
