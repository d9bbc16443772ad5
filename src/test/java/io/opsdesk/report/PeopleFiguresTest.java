package io.opsdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.OpsDeskTest;
import io.opsdesk.report.PeopleReport.Line;

/**
 * Every people's and groups' figure of a report, checked by hand against {@link PeopleFixture}'s week; the comments
 * give the sums. Handling times to the second, median and p90 by nearest rank (of n sorted, rank ⌈p · n / 100⌉).
 */
@OpsDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleFiguresTest {

    /** What the fixture's people add up to (also on PostgreSQL: {@code PeopleFiguresPostgresTest}). */
    static final List<Line> PERSONS = List.of(
            // 4 tasks: 600, 1200, 1800, 7200 s → median rank 2, p90 rank 4; A in time, B late; rated 5 and 2
            new Line("pfli", 4, 1_200L, 7_200L, 1, 2, 0, 0, 2, 3.5),
            // 3 tasks: 3600, 10800, 18030 s → median rank 2, p90 rank 3; C in time; B's first fix failed, his
            // second was rejected; C rated 4
            new Line("pfwang", 3, 10_800L, 18_030L, 1, 1, 1, 1, 1, 4.0),
            // 2 tasks: 45, 900 s → median rank 1, p90 rank 2
            new Line("pfzhao", 2, 45L, 900L, 0, 0, 0, 0, 0, null),
            // no task in the week; D's fix of the week failed (February's does not count)
            new Line("pfsun", 0, null, null, 0, 0, 1, 0, 0, null));

    static final List<Line> GROUPS = List.of(
            // pfli's 4 and the unassigned 4500 s: 600, 1200, 1800, 4500, 7200 → median rank 3, p90 rank 5; the
            // task moved to supervisors is not support's
            new Line("support", 5, 1_800L, 7_200L, 1, 2, 0, 0, 2, 3.5),
            new Line("development", 3, 10_800L, 18_030L, 1, 1, 2, 1, 1, 4.0),
            new Line("supervisors", 2, 45L, 900L, 0, 0, 0, 0, 0, null));

    final JdbcClient jdbc;
    final TaskService tasks;
    final ReportCompiler compiler;

    PeopleReport people;

    PeopleFiguresTest(JdbcClient jdbc, TaskService tasks, ReportCompiler compiler) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.compiler = compiler;
    }

    @BeforeAll
    void loadFixtureAndCompile() {
        new PeopleFixture(jdbc, tasks).load();
        people = compiler.compile(ReportPeriod.days(PeopleFixture.MONDAY, PeopleFixture.SUNDAY, ReportFixture.ZONE)).people();
    }

    @Test
    void eachPersonHasTheirTasksAndTheOutcomesOfTheTicketsTheyResolved() {
        assertThat(people.persons()).containsExactlyElementsOf(PERSONS);
        assertThat(people.persons().get(0).slaPercent()).isEqualTo(50.0);
        assertThat(people.persons().get(2).slaPercent()).isNull();
    }

    @Test
    void eachGroupHasItsCandidateGroupsTasksAndItsResolversOutcomes() {
        assertThat(people.groups()).containsExactlyElementsOf(GROUPS);
    }

    @Test
    void anOutcomeWithoutAResolverCountsForNobody() {
        // E was resolved in time and rated 1, but no RESOLVED or IMPLEMENTED entry names who did it
        assertThat(people.persons()).extracting(Line::name).containsExactly("pfli", "pfwang", "pfzhao", "pfsun");
        assertThat(people.groups()).noneMatch(line -> line.rated() > 2);
    }
}
