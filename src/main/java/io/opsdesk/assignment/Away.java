package io.opsdesk.assignment;

import java.time.Instant;
import java.time.LocalDate;

/** A person who is away: until the end of {@code until} in the team's zone, or until they say they are back (null). */
public record Away(String user, LocalDate until, Instant since) {
}
