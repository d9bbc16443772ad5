package io.opsdesk.ticket;

import io.opsdesk.engine.EngineTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.opsdesk.jdbc.SqlTime;

/**
 * Customers reach a ticket with a tracking token: 256 random bits, shown once, stored only as a
 * SHA-256 hash. The token returned at creation lives on the ticket; every mail with a link carries a
 * fresh token of its own ({@code ticket_link_token}), so no plain token is ever stored.
 */
@Component
public class TrackingTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LINK_VALIDITY = Duration.ofDays(180);

    private final JdbcClient jdbc;

    TrackingTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issues a new token for a link in a mail; valid for half a year. */
    public String issueLinkToken(long ticketId, String purpose) {
        String token = newToken();
        Instant now = EngineTime.now();
        jdbc.sql("""
                insert into ticket_link_token (ticket_id, token_hash, purpose, created_at, expires_at)
                values (:ticket, :hash, :purpose, :now, :expires)""")
                .param("ticket", ticketId)
                .param("hash", hash(token))
                .param("purpose", purpose)
                .param("now", SqlTime.timestamp(now))
                .param("expires", SqlTime.timestamp(now.plus(LINK_VALIDITY)))
                .update();
        return token;
    }

    /** Whether the token opens this ticket: the creation token, or an unexpired link token. */
    boolean opens(Ticket ticket, String storedHash, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        String presented = hash(token);
        if (MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        return jdbc.sql("select count(*) from ticket_link_token where ticket_id = :ticket and token_hash = :hash and expires_at > :now")
                .param("ticket", ticket.id())
                .param("hash", presented)
                .param("now", SqlTime.timestamp(EngineTime.now()))
                .query(Long.class).single() > 0;
    }
}
