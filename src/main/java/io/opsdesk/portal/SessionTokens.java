package io.opsdesk.portal;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * The tracking tokens a browser has shown, by ticket key, kept in its HTTP session (server side; the
 * browser holds only the session cookie). So after the first visit of a tracking link the token is in
 * no URL, no form and no page; a new session needs the link from the mail again.
 */
final class SessionTokens {

    private static final String ATTRIBUTE = SessionTokens.class.getName();
    private static final int MAX_TICKETS = 20;

    private SessionTokens() {
    }

    static void remember(HttpSession session, String key, String token) {
        synchronized (session) {
            Tokens tokens = (Tokens) session.getAttribute(ATTRIBUTE);
            Tokens updated = tokens == null ? new Tokens() : tokens;
            updated.remove(key);
            updated.put(key, token);
            // set again so a replicated or persisted session sees the change
            session.setAttribute(ATTRIBUTE, updated);
        }
    }

    static Optional<String> of(HttpSession session, String key) {
        if (session == null) {
            return Optional.empty();
        }
        Tokens tokens = (Tokens) session.getAttribute(ATTRIBUTE);
        return tokens == null ? Optional.empty() : Optional.ofNullable(tokens.get(key));
    }

    /** Oldest ticket first; at most {@link #MAX_TICKETS}. */
    private static final class Tokens extends LinkedHashMap<String, String> implements Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_TICKETS;
        }
    }
}
