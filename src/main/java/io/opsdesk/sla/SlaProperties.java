package io.opsdesk.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The business calendars SLA clocks count on ({@code opsdesk.sla.calendars.<name>.*}).
 *
 * <p>Two calendars exist without any configuration: {@value #CHINA_BUSINESS} (Mon–Fri 09:00–12:00 and
 * 13:30–18:00, Asia/Shanghai, the shipped Chinese public holidays and make-up working days) and
 * {@value #ALWAYS_OPEN} (every instant counts). Configured calendars are added to them; one configured
 * under a built-in name replaces it. A setting left out of a calendar takes the China business
 * default: zone Asia/Shanghai, those hours, and the shipped holiday file (set
 * {@code holidays-file: none} for a calendar without one).
 */
@ConfigurationProperties("opsdesk.sla")
public class SlaProperties {

    public static final String CHINA_BUSINESS = "china-business";
    public static final String ALWAYS_OPEN = "24x7";

    private final Map<String, Calendar> calendars = new LinkedHashMap<>();

    public SlaProperties() {
        Calendar china = new Calendar();
        china.setStatutoryHolidays(StatutoryHolidays.CHINA);
        calendars.put(CHINA_BUSINESS, china);
        Calendar alwaysOpen = new Calendar();
        alwaysOpen.setAlwaysOpen(true);
        calendars.put(ALWAYS_OPEN, alwaysOpen);
    }

    public Map<String, Calendar> getCalendars() {
        return calendars;
    }

    /** One calendar. */
    public static class Calendar {

        /** Shipped with OpsDesk: China's public holidays and make-up working days (see the file's header). */
        public static final String CHINA_HOLIDAYS_FILE = "classpath:calendars/cn-holidays.csv";
        /** The value of {@code holidays-file} for a calendar without a holiday file. */
        public static final String NO_FILE = "none";

        /** Every instant counts (24×7); a calendar that is always open takes no hours and no holidays. */
        private boolean alwaysOpen;
        /** The zone the hours and dates are meant in. */
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        /** Working intervals per weekday, e.g. {@code MONDAY: ["09:00-12:00", "13:30-18:00"]}; a day left out is closed. Empty: Mon–Fri 09:00–12:00 and 13:30–18:00. */
        private Map<DayOfWeek, List<String>> hours = new EnumMap<>(DayOfWeek.class);
        /** A .csv or .ics file of holidays and make-up working days ({@code classpath:} or {@code file:}); unset: the shipped Chinese one; {@code none}: no file. */
        private String holidaysFile;
        /** More holidays, e.g. a company day off; they override the file. */
        private List<LocalDate> holidays = new ArrayList<>();
        /** More make-up working days; they override the file. */
        private List<LocalDate> workingDays = new ArrayList<>();
        /** The hours of a make-up working day; empty: those of the first weekday, Monday on, that has hours. */
        private List<String> workingDayHours = new ArrayList<>();
        /**
         * {@code CN}: for a year after the last one the holiday file covers, up to {@code provisional-years-ahead}
         * after the current one, count China's statutory holidays computed from the law (provisional, until the
         * year's notice is loaded); unset or {@code none}: no computed holidays.
         */
        private String statutoryHolidays;
        /** How many years after the current one get provisional statutory holidays. */
        private int provisionalYearsAhead = 1;

        public String getStatutoryHolidays() {
            return statutoryHolidays;
        }

        public void setStatutoryHolidays(String statutoryHolidays) {
            this.statutoryHolidays = statutoryHolidays;
        }

        public int getProvisionalYearsAhead() {
            return provisionalYearsAhead;
        }

        public void setProvisionalYearsAhead(int provisionalYearsAhead) {
            this.provisionalYearsAhead = provisionalYearsAhead;
        }

        public boolean isAlwaysOpen() {
            return alwaysOpen;
        }

        public void setAlwaysOpen(boolean alwaysOpen) {
            this.alwaysOpen = alwaysOpen;
        }

        public ZoneId getZone() {
            return zone;
        }

        public void setZone(ZoneId zone) {
            this.zone = zone;
        }

        public Map<DayOfWeek, List<String>> getHours() {
            return hours;
        }

        public void setHours(Map<DayOfWeek, List<String>> hours) {
            this.hours = hours;
        }

        public String getHolidaysFile() {
            return holidaysFile;
        }

        public void setHolidaysFile(String holidaysFile) {
            this.holidaysFile = holidaysFile;
        }

        public List<LocalDate> getHolidays() {
            return holidays;
        }

        public void setHolidays(List<LocalDate> holidays) {
            this.holidays = holidays;
        }

        public List<LocalDate> getWorkingDays() {
            return workingDays;
        }

        public void setWorkingDays(List<LocalDate> workingDays) {
            this.workingDays = workingDays;
        }

        public List<String> getWorkingDayHours() {
            return workingDayHours;
        }

        public void setWorkingDayHours(List<String> workingDayHours) {
            this.workingDayHours = workingDayHours;
        }
    }
}
