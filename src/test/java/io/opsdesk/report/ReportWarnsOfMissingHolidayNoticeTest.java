package io.opsdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opsdesk.OpsDeskTest;

/**
 * A calendar that counts on provisional statutory holidays because no official notice is loaded shows at the top of
 * the operations report, in Chinese and English, with what a manager does about it.
 */
@OpsDeskTest
class ReportWarnsOfMissingHolidayNoticeTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final ReportCompiler compiler;

    ReportWarnsOfMissingHolidayNoticeTest(ReportCompiler compiler) {
        this.compiler = compiler;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aYearWithoutTheOfficialNoticeIsAWarningInTheReport() {
        // nothing ships or loads a notice for 2029: its holidays are computed
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2029-03-05T01:00:00Z")));

        OperationsReport report = compiler.compile(ReportPeriod.days(LocalDate.of(2029, 2, 26), LocalDate.of(2029, 3, 4), SHANGHAI));

        assertThat(report.warnings()).filteredOn(w -> w.kind().equals("HOLIDAY_NOTICE_MISSING"))
                .anySatisfy(warning -> {
                    assertThat(warning.zh()).contains("china-business", "2029", "PUT /api/calendars/china-business/holidays/2029");
                    assertThat(warning.en()).contains("no official holiday notice for 2029");
                });
    }
}
