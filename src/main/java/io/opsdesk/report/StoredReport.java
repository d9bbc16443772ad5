package io.opsdesk.report;

import java.time.Instant;

/** A report as stored: its id, who or what asked for it, when it was mailed, and its figures. */
public record StoredReport(long id, String triggeredBy, Instant mailedAt, String mailedTo, OperationsReport report) {
}
