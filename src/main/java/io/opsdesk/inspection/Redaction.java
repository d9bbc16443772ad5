package io.opsdesk.inspection;

import java.util.regex.Pattern;

/** Keeps secrets that sit in URLs out of messages, findings and tickets. */
final class Redaction {

    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@\\s]+@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|pwd|secret|token)=)[^&;\\s]*");

    private Redaction() {
    }

    /** {@code jdbc:x://db/app?user=a&password=s} → {@code jdbc:x://db/app?user=a&password=***}; {@code http://u:p@h} → {@code http://***@h}. */
    static String url(String url) {
        if (url == null) {
            return null;
        }
        String text = USER_INFO.matcher(url).replaceAll("$1***@");
        return PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
    }
}
