package io.opsdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.DefaultResourceLoader;

/** The holidays health: a warning from 1 November while next year's notice is missing, gone once it is loaded. */
class HolidaysHealthIndicatorTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private Map<String, Map<Integer, List<SpecialDay>>> stored = Map.of();

    @Test
    void upBeforeNovemberWhileTheFileCoversTheYear() {
        assertThat(health("2026-10-15T04:00:00Z").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void warnsFromNovemberInBothLanguagesUntilTheNoticeIsLoaded() {
        Health health = health("2026-11-01T04:00:00Z");
        assertThat(health.getStatus()).isEqualTo(HolidaysHealthIndicator.WARNING);
        assertThat(health.getDetails()).containsOnlyKeys("china-business");
        assertThat(health.getDetails().get("china-business").toString())
                .contains("no official holiday notice for 2027", "尚未导入 2027 年的国务院放假安排通知");

        stored = Map.of("china-business", Map.of(2027, HolidayNotice.parse(2027, "csv",
                "2027-02-06,HOLIDAY,春节\n").days()));
        assertThat(health("2026-12-01T04:00:00Z").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void warnsAllYearWhenTheCurrentYearIsProvisional() {
        assertThat(health("2027-03-01T04:00:00Z").getDetails().get("china-business").toString()).contains("2027");
    }

    private Health health(String now) {
        Clock clock = Clock.fixed(Instant.parse(now), BEIJING);
        SlaProperties properties = new SlaProperties();
        properties.getCalendars().put("plain", new SlaProperties.Calendar());
        BusinessCalendars calendars = BusinessCalendars.from(properties, new DefaultResourceLoader(), clock);
        HolidayNoticeService service = new HolidayNoticeService(calendars, new HolidayNoticeRepository(null) {
            @Override
            Map<String, Map<Integer, List<SpecialDay>>> findAll() {
                return stored;
            }
        });
        service.refresh();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new HolidaysHealthIndicator(new MissingHolidayNotices(properties, service, messages), clock).health();
    }
}
