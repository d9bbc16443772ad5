package io.opsdesk.inbound;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Message-IDs a mail answers, from its {@code In-Reply-To} and {@code References} headers. */
final class ThreadIds {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,248}>");
    private static final int MAX = 100;

    private ThreadIds() {
    }

    /** The ids ({@code <...>}) of In-Reply-To, then those of References from the last (the newest) to the first. */
    static List<String> of(String inReplyTo, String references) {
        List<String> ids = new ArrayList<>(messageIds(inReplyTo));
        List<String> chain = messageIds(references);
        Collections.reverse(chain);
        chain.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return List.copyOf(ids);
    }

    private static List<String> messageIds(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher id = MESSAGE_ID.matcher(header);
            while (id.find() && ids.size() < MAX) {
                ids.add(id.group());
            }
        }
        return ids;
    }
}
