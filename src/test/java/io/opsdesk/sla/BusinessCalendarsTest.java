package io.opsdesk.sla;

import static io.opsdesk.sla.TestCalendars.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

/** The registry built from {@code opsdesk.sla}, bound the way Spring Boot binds application.yaml. */
class BusinessCalendarsTest {

    private static final Instant FRIDAY_BEFORE_QINGMING = shanghai("2026-04-03T14:00");

    @Test
    void withoutConfigurationOffersChinaBusinessAnd24x7() {
        BusinessCalendars calendars = calendars(new SlaProperties());

        assertThat(calendars.names()).containsExactly("24x7", "china-business");
        assertThat(calendars.get("china-business").add(FRIDAY_BEFORE_QINGMING, Duration.ofHours(8)))
                .isEqualTo(shanghai("2026-04-07T14:30"));
        assertThat(calendars.get("24x7").add(FRIDAY_BEFORE_QINGMING, Duration.ofHours(8)))
                .isEqualTo(shanghai("2026-04-03T22:00"));
    }

    @Test
    void theDefaultsSnippetDescribesTheSameCalendars() {
        BusinessCalendars calendars = calendars(bind("sla-defaults.yaml"));

        assertThat(calendars.names()).containsExactly("24x7", "china-business");
        assertThat(calendars.get("china-business").add(FRIDAY_BEFORE_QINGMING, Duration.ofHours(8)))
                .isEqualTo(shanghai("2026-04-07T14:30"));
        assertThat(calendars.get("china-business").add(shanghai("2026-10-09T17:00"), Duration.ofHours(2)))
                .as("make-up Saturday").isEqualTo(shanghai("2026-10-10T10:00"));
        assertThat(calendars.get("24x7").between(FRIDAY_BEFORE_QINGMING, shanghai("2026-04-04T14:00")))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void configuredCalendarsComeInAdditionToTheBuiltInOnes() {
        SlaProperties properties = bind("sla-custom.yaml");
        SlaProperties.Calendar berlin = properties.getCalendars().get("berlin-office");
        BusinessCalendar calendar = calendars(properties).get("berlin-office");

        assertThat(properties.getCalendars()).containsKeys("china-business", "24x7", "berlin-office");
        assertThat(berlin.getHours()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        // Fri 2030-02-01 13:00-14:00 = 1h; Sat Feb 2 is a make-up day in the .ics file, 10:00-14:00 = 4h
        assertThat(calendar.add(berlin("2030-02-01T13:00"), Duration.ofHours(5))).isEqualTo(berlin("2030-02-02T14:00"));
        // Mon Feb 4 is a holiday in the file, but working-days lists it: worked with the working-day hours 10:00-14:00
        assertThat(calendar.add(berlin("2030-02-04T08:00"), Duration.ofHours(1))).isEqualTo(berlin("2030-02-04T11:00"));
        // the inline holiday Tue 2030-12-24 would be closed anyway (no Tuesday hours); Mon Dec 23 is open
        assertThat(calendar.between(berlin("2030-12-23T00:00"), berlin("2030-12-26T00:00"))).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void settingsLeftOutOfACalendarTakeTheChinaBusinessDefaults() {
        SlaProperties properties = new SlaProperties();
        new Binder(new MapConfigurationPropertySource(Map.of("opsdesk.sla.calendars.china-business.holidays", "2026-12-31")))
                .bind("opsdesk.sla", Bindable.ofInstance(properties));
        BusinessCalendar calendar = calendars(properties).get("china-business");

        // the shipped file still applies (Qingming), and Thu 2026-12-31 is off as well
        assertThat(calendar.add(FRIDAY_BEFORE_QINGMING, Duration.ofHours(8))).isEqualTo(shanghai("2026-04-07T14:30"));
        assertThat(calendar.between(shanghai("2026-12-31T00:00"), shanghai("2027-01-01T00:00"))).isZero();
    }

    @Test
    void unknownNameFailsClearly() {
        BusinessCalendars calendars = calendars(new SlaProperties());

        assertThatThrownBy(() -> calendars.get("china-bussines"))
                .isInstanceOf(UnknownCalendarException.class)
                .hasMessage("unknown SLA calendar 'china-bussines'; configured calendars (opsdesk.sla.calendars): "
                        + "24x7, china-business");
        assertThatThrownBy(() -> calendars.get(null)).isInstanceOf(UnknownCalendarException.class);
    }

    @Test
    void aCalendarWithoutWorkingHoursStopsTheStart() {
        SlaProperties properties = new SlaProperties();
        SlaProperties.Calendar closed = new SlaProperties.Calendar();
        closed.getHours().put(DayOfWeek.MONDAY, List.of());
        properties.getCalendars().put("closed", closed);

        assertThatThrownBy(() -> calendars(properties))
                .hasMessage("SLA calendar 'closed' (opsdesk.sla.calendars.closed): no working hours on any weekday; "
                        + "set hours, or always-open: true");
    }

    @Test
    void alwaysOpenTakesNoHours() {
        SlaProperties properties = new SlaProperties();
        properties.getCalendars().get("24x7").getHours().put(DayOfWeek.MONDAY, List.of("09:00-18:00"));

        assertThatThrownBy(() -> calendars(properties))
                .hasMessageStartingWith("SLA calendar '24x7' (opsdesk.sla.calendars.24x7): an always-open (24x7) calendar");
    }

    @Test
    void badIntervalsAndMissingFilesNameTheCalendar() {
        SlaProperties overlapping = new SlaProperties();
        overlapping.getCalendars().get("china-business").getHours()
                .put(DayOfWeek.MONDAY, List.of("09:00-12:00", "11:00-18:00"));
        assertThatThrownBy(() -> calendars(overlapping))
                .hasMessageContaining("'china-business'")
                .hasMessageContaining("working intervals 09:00-12:00 and 11:00-18:00 on MONDAY overlap");

        SlaProperties missingFile = new SlaProperties();
        missingFile.getCalendars().get("china-business").setHolidaysFile("classpath:calendars/no-such-file.csv");
        assertThatThrownBy(() -> calendars(missingFile))
                .hasMessageContaining("holidays-file classpath:calendars/no-such-file.csv does not exist");

        SlaProperties badInterval = new SlaProperties();
        badInterval.getCalendars().get("china-business").getHours().put(DayOfWeek.MONDAY, List.of("18:00-09:00"));
        assertThatThrownBy(() -> calendars(badInterval))
                .hasMessageContaining("working interval 18:00-09:00 must end after it starts");
    }

    @Test
    void noneSwitchesTheHolidayFileOff() {
        SlaProperties properties = new SlaProperties();
        properties.getCalendars().get("china-business").setHolidaysFile("none");

        assertThat(calendars(properties).get("china-business").add(FRIDAY_BEFORE_QINGMING, Duration.ofHours(8)))
                .as("Mon Apr 6 counts as an ordinary Monday").isEqualTo(shanghai("2026-04-06T14:30"));
    }

    private static BusinessCalendars calendars(SlaProperties properties) {
        return BusinessCalendars.from(properties, new DefaultResourceLoader());
    }

    private static SlaProperties bind(String yaml) {
        try {
            var sources = new YamlPropertySourceLoader().load(yaml, new ClassPathResource(yaml));
            Binder binder = new Binder(ConfigurationPropertySources.from(sources), null,
                    ApplicationConversionService.getSharedInstance());
            return binder.bind("opsdesk.sla", Bindable.ofInstance(new SlaProperties())).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TestCalendars.BERLIN).toInstant();
    }
}
