package io.opsdesk.sla;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which years of a calendar get {@link StatutoryHolidays computed statutory holidays}: those after the last
 * year its holiday file covers, up to {@code yearsAhead} after the current one. A year with any entry in the
 * file has its official notice, which replaces the computed days entirely.
 */
final class ProvisionalHolidays {

    private static final int FIRST_COMPUTABLE_YEAR = 2001;

    private ProvisionalHolidays() {
    }

    /**
     * The provisional days for {@code statutory} ({@code CN}, or {@code null}/{@code none} for none).
     *
     * @throws IllegalArgumentException for another value or a negative {@code yearsAhead}
     */
    static List<SpecialDay> days(String statutory, Collection<SpecialDay> fileDays, LocalDate today, int yearsAhead) {
        if (statutory == null || statutory.isBlank() || statutory.trim().equalsIgnoreCase(SlaProperties.Calendar.NO_FILE)) {
            return List.of();
        }
        if (!statutory.trim().toUpperCase(Locale.ROOT).equals(StatutoryHolidays.CHINA)) {
            throw new IllegalArgumentException("statutory-holidays must be CN or none, not '" + statutory + "'");
        }
        if (yearsAhead < 0 || yearsAhead > 10) {
            throw new IllegalArgumentException("provisional-years-ahead must be between 0 and 10, not " + yearsAhead);
        }
        int lastCovered = fileDays.stream().mapToInt(day -> day.date().getYear()).max().orElse(today.getYear() - 1);
        List<SpecialDay> days = new ArrayList<>();
        for (int year = Math.max(lastCovered + 1, FIRST_COMPUTABLE_YEAR); year <= today.getYear() + yearsAhead; year++) {
            days.addAll(StatutoryHolidays.china(year));
        }
        return days;
    }
}
