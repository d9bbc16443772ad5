package io.opsdesk.ticket;

import io.opsdesk.engine.EngineTime;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.opsdesk.jdbc.SqlTime;
import io.opsdesk.retention.ExpiringRecords;

/**
 * Remembers the answer to {@code POST /api/tickets} per {@code Idempotency-Key}, so that a client
 * retrying after a lost response gets the same ticket and the same tracking token. The token is kept
 * sealed with AES-GCM under {@code opsdesk.security.secret}, never in plain text. A key belongs to its caller and is
 * kept for {@code opsdesk.retention.idempotency} (24 h by default).
 */
@Component
class IdempotencyStore implements ExpiringRecords {

    record Replay(String requestHash, long ticketId, String trackingToken) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecretKeySpec key;

    private final Duration ttl;

    IdempotencyStore(JdbcClient jdbc, @Value("${opsdesk.security.secret}") String secret,
                     @Value("${opsdesk.retention.idempotency:P1D}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        try {
            byte[] material = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(material, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored key: a hash of the caller and the key the caller sent (64 hex characters). */
    static String scoped(String caller, String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((caller + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer remembered for this key, unless it is older than the time to live (then it is forgotten). */
    Optional<Replay> find(String idempotencyKey) {
        jdbc.sql("delete from idempotency_record where idempotency_key = :key and created_at < :cutoff")
                .param("key", idempotencyKey).param("cutoff", SqlTime.timestamp(EngineTime.now().minus(ttl))).update();
        return jdbc.sql("select request_hash, ticket_id, sealed_token from idempotency_record where idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((rs, n) -> new Replay(rs.getString("request_hash"), rs.getLong("ticket_id"), unseal(rs.getString("sealed_token"))))
                .optional();
    }

    void remember(String idempotencyKey, String requestHash, long ticketId, String token) {
        jdbc.sql("""
                insert into idempotency_record (idempotency_key, request_hash, ticket_id, sealed_token, created_at)
                values (:key, :hash, :ticket, :sealed, :now)""")
                .param("key", idempotencyKey)
                .param("hash", requestHash)
                .param("ticket", ticketId)
                .param("sealed", seal(token))
                .param("now", SqlTime.timestamp(EngineTime.now()))
                .update();
    }

    @Override
    public String name() {
        return "idempotency keys";
    }

    /** Forgets every key older than the time to live; returns how many. */
    @Override
    public int deleteExpired() {
        return jdbc.sql("delete from idempotency_record where created_at < :cutoff")
                .param("cutoff", SqlTime.timestamp(EngineTime.now().minus(ttl))).update();
    }

    private String seal(String token) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String unseal(String value) {
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // the secret changed since: the ticket exists, but its token can no longer be replayed
            return null;
        }
    }
}
