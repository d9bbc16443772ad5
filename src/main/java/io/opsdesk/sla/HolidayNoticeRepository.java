package io.opsdesk.sla;

import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The loaded holiday notices, by calendar and year (table {@code sla_holiday_notice_day}). */
@Repository
class HolidayNoticeRepository {

    private final JdbcClient jdbc;

    HolidayNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the notice of {@code notice.year()} for {@code calendar}, all or nothing. */
    @Transactional
    void replace(String calendar, HolidayNotice notice, String user, Instant now) {
        jdbc.sql("delete from sla_holiday_notice_day where calendar_name = :calendar and notice_year = :year")
                .param("calendar", calendar).param("year", notice.year()).update();
        for (SpecialDay day : notice.days()) {
            jdbc.sql("""
                    insert into sla_holiday_notice_day (calendar_name, notice_year, holiday_date, kind, name, loaded_at, loaded_by)
                    values (:calendar, :year, :day, :kind, :name, :at, :by)""")
                    .param("calendar", calendar).param("year", notice.year()).param("day", Date.valueOf(day.date()))
                    .param("kind", day.kind().name()).param("name", day.name()).param("at", timestamp(now))
                    .param("by", user).update();
        }
    }

    /** Every loaded notice: calendar name → year → days. */
    Map<String, Map<Integer, List<SpecialDay>>> findAll() {
        Map<String, Map<Integer, List<SpecialDay>>> notices = new TreeMap<>();
        jdbc.sql("select calendar_name, notice_year, holiday_date, kind, name from sla_holiday_notice_day order by holiday_date")
                .query((rs, row) -> {
                    SpecialDay day = new SpecialDay(rs.getDate("holiday_date").toLocalDate(),
                            SpecialDay.Kind.valueOf(rs.getString("kind")), rs.getString("name"));
                    notices.computeIfAbsent(rs.getString("calendar_name"), name -> new TreeMap<>())
                            .computeIfAbsent(rs.getInt("notice_year"), year -> new ArrayList<>()).add(day);
                    return day;
                }).list();
        return notices;
    }
}
