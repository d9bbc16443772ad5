package io.opsdesk.inspection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One anomaly a check found, the unit a FAULT ticket is opened for.
 *
 * @param fingerprint stable over runs for the same anomaly of the same target (sha-256 of target, kind and a
 *                    normalised subject), so an open ticket for it can be found and not opened twice
 * @param title       one line a person understands, e.g. {@code Disk /data has 4.2 % free (minimum 10 %)}
 * @param evidence    what was measured or seen: values, the HTTP answer, a sample stack trace
 * @param count       how often it occurred in this run (log lines), 1 for a measured anomaly
 * @param firstSeen   where or when it first occurred in this run (log timestamp and position), or null
 * @param lastSeen    where or when it last occurred in this run, or null
 */
public record Finding(String fingerprint, String title, String evidence, int count, String firstSeen, String lastSeen) {

    static final int MAX_EVIDENCE = 4000;

    public Finding {
        evidence = evidence == null || evidence.length() <= MAX_EVIDENCE ? evidence
                : evidence.substring(0, MAX_EVIDENCE) + "\n… (" + (evidence.length() - MAX_EVIDENCE) + " more characters)";
    }

    /** A measured anomaly that occurred once, identified by its subject (e.g. {@code disk:/data}). */
    static Finding of(InspectionTarget target, String subject, String title, String evidence) {
        return new Finding(fingerprint(target, subject), title, evidence, 1, null, null);
    }

    /** sha-256 of target name, kind and the normalised subject, in hex. */
    static String fingerprint(InspectionTarget target, String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (target.getName() + "\n" + target.getKind() + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
