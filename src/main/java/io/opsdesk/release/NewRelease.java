package io.opsdesk.release;

import java.util.List;

/** A checked release request: a version, an optional summary, and the tickets it delivers. */
public record NewRelease(String version, String summary, List<String> ticketKeys) {
}
