package io.opsdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The registry bean in a minimal context, next to a properties scan as in OpsDeskApplication. */
class SlaConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ScanLikeTheApplication.class, SlaConfiguration.class);

    @Test
    void offersTheBuiltInCalendarsWithoutConfiguration() {
        context.run(run -> {
            assertThat(run).hasNotFailed().hasSingleBean(BusinessCalendars.class).hasSingleBean(SlaProperties.class);
            assertThat(run.getBean(BusinessCalendars.class).names()).containsExactly("24x7", "china-business");
        });
    }

    @Test
    void bindsConfiguredCalendars() {
        context.withPropertyValues(
                        "opsdesk.sla.calendars.p1-desk.zone=Asia/Shanghai",
                        "opsdesk.sla.calendars.p1-desk.hours.SATURDAY=08:00-20:00",
                        "opsdesk.sla.calendars.p1-desk.hours.SUNDAY=08:00-20:00",
                        "opsdesk.sla.calendars.p1-desk.holidays-file=none")
                .run(run -> {
                    BusinessCalendar weekendDesk = run.getBean(BusinessCalendars.class).get("p1-desk");
                    assertThat(weekendDesk.add(TestCalendars.shanghai("2026-11-27T19:00"), Duration.ofHours(13)))
                            .isEqualTo(TestCalendars.shanghai("2026-11-29T09:00"));
                });
    }

    @Test
    void aBrokenCalendarStopsTheStart() {
        context.withPropertyValues("opsdesk.sla.calendars.china-business.hours.MONDAY=9-12")
                .run(run -> assertThat(run).hasFailed().getFailure().hasStackTraceContaining(
                        "SLA calendar 'china-business' (opsdesk.sla.calendars.china-business): "
                                + "working interval '9-12' is not of the form HH:mm-HH:mm"));
    }

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan
    static class ScanLikeTheApplication {
    }
}
