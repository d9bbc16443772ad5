package io.opsdesk.problem;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.Tickets;

/**
 * Problems a ticket may belong to: the open problems of the ticket's system (the newest {@value #CANDIDATES}) whose
 * title shares words with the ticket's, scored by the Jaccard overlap of their tokens (words; for Chinese, pairs of
 * adjacent characters), the best {@value #LIMIT} from {@value #THRESHOLD} up. Problems the ticket is linked to are left out.
 */
@Component
class ProblemSuggestions {

    static final int CANDIDATES = 500;
    static final int LIMIT = 5;
    static final double THRESHOLD = 0.2;

    /** A problem suggested for a ticket, with how similar its title is (0 to 1). */
    record Suggestion(String key, String title, String system, ProblemState state, double score, String link) {
    }

    private final ProblemService problems;
    private final Tickets tickets;

    ProblemSuggestions(ProblemService problems, Tickets tickets) {
        this.problems = problems;
        this.tickets = tickets;
    }

    List<Suggestion> forTicket(String ticketKey) {
        Ticket ticket = tickets.get(ticketKey);
        Set<String> linked = new HashSet<>();
        problems.ofTicket(ticket.key()).forEach(p -> linked.add(p.key()));
        Set<String> words = tokens(ticket.title());
        return problems.list(null, ticket.system(), CANDIDATES).stream()
                .filter(p -> p.state().isOpen() && !linked.contains(p.key()))
                .map(p -> new Suggestion(p.key(), p.title(), p.system(), p.state(), similarity(words, tokens(p.title())),
                        "/api/problems/" + p.key()))
                .filter(s -> s.score() >= THRESHOLD)
                .sorted(Comparator.comparingDouble(Suggestion::score).reversed().thenComparing(Suggestion::key, Comparator.reverseOrder()))
                .limit(LIMIT).toList();
    }

    /** Jaccard overlap, rounded to two places. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> either = new HashSet<>(a);
        either.addAll(b);
        return Math.round(100.0 * both.size() / either.size()) / 100.0;
    }

    /** Lower-case words of letters and digits; a run of Chinese characters gives its adjacent pairs (or itself, if one). */
    static Set<String> tokens(String title) {
        Set<String> tokens = new HashSet<>();
        StringBuilder word = new StringBuilder();
        StringBuilder han = new StringBuilder();
        for (int i = 0; i <= title.length(); i++) {
            int c = i < title.length() ? title.charAt(i) : ' ';
            boolean isHan = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (!isHan && han.length() > 0) {
                for (int j = 0; j < Math.max(1, han.length() - 1); j++) {
                    tokens.add(han.substring(j, Math.min(han.length(), j + 2)));
                }
                han.setLength(0);
            }
            if (!isHan && Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase((char) c));
            } else if (word.length() > 0) {
                tokens.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (isHan) {
                han.append((char) c);
            }
        }
        return tokens;
    }
}
