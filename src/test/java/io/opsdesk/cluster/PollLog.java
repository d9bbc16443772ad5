package io.opsdesk.cluster;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The inbound mail polls a node's log shows, each from "poll started" to "poll finished". */
final class PollLog {

    record Poll(Instant start, Instant end) {
    }

    private static final Pattern LINE = Pattern.compile("(?m)^(\\S+)\\s+DEBUG .*Inbound mail: poll (started|finished)");

    private PollLog() {
    }

    static List<Poll> polls(String log) {
        List<Poll> polls = new ArrayList<>();
        Instant started = null;
        Matcher line = LINE.matcher(log);
        while (line.find()) {
            Instant at = OffsetDateTime.parse(line.group(1)).toInstant();
            if (line.group(2).equals("started")) {
                started = at;
            } else if (started != null) {
                polls.add(new Poll(started, at));
                started = null;
            }
        }
        return polls;
    }

    /** How many polls of one node ran while a poll of the other did. */
    static long overlaps(List<Poll> a, List<Poll> b) {
        return a.stream().filter(p -> b.stream().anyMatch(q -> p.start().isBefore(q.end()) && q.start().isBefore(p.end()))).count();
    }
}
