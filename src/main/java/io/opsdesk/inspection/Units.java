package io.opsdesk.inspection;

import java.time.Duration;
import java.util.Locale;

/** How findings write ages and sizes: {@code 45 s}, {@code 12 min}, {@code 3.5 h}; {@code 812 B}, {@code 3.2 MB} (1 MB = 1024 KB, as Spring's DataSize). */
final class Units {

    private Units() {
    }

    static String age(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    static String age(Duration duration) {
        return age(duration.toSeconds());
    }

    static String bytes(long bytes) {
        String[] units = {"KB", "MB", "GB", "TB"};
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
