package io.opsdesk.assignment;

import static io.opsdesk.assignment.AssignmentFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.engine.TeamTime;
import io.opsdesk.identity.Groups;

/**
 * New tasks go to nadia, omar and petra, the three developers at work, by the group's strategy; someone away gets
 * none, and going away hands one's open tasks on. The probe model names no listener: assignment is the engine's.
 */
@OpsDeskTest
class AutomaticAssignmentTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AwayService away;
    @Autowired
    AssignmentStrategies strategies;
    @Autowired
    TeamTime teamTime;

    AssignmentFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new AssignmentFixture(engine, away, strategies, port);
        fixture.tearDown();
        fixture.setUp(Groups.DEVELOPMENT);
    }

    @AfterEach
    void tearDown() {
        fixture.tearDown();
    }

    @Test
    void roundRobinGivesThreePeopleThirtyTasksWithinOneOfEachOther() {
        fixture.strategy(Groups.DEVELOPMENT, "ROUND_ROBIN");
        Map<String, Long> spread = fixture.spread(fixture.newTasks(30));
        assertThat(spread.keySet()).containsExactlyElementsOf(AssignmentFixture.PEOPLE);
        assertEven(spread, 30);
    }

    @Test
    void leastOpenEvensOutWhoAlreadyHasMoreOpenTasks() {
        // nadia already has 6 open tasks, handed to her by hand while assignment was off
        fixture.newTasks(6).forEach(task -> engine.getTaskService().setAssignee(task, "nadia"));
        fixture.strategy(Groups.DEVELOPMENT, "LEAST_OPEN");
        Map<String, Long> spread = fixture.spread(fixture.newTasks(30));
        assertThat(spread.get("nadia")).isEqualTo(6); // 12 each for omar and petra first, then in turn
        assertEven(fixture.openProbeTasks(), 36);
    }

    @Test
    void someoneAwayGetsNoneOfThirtyTasks() {
        fixture.strategy(Groups.DEVELOPMENT, "ROUND_ROBIN");
        Http.Response marked = fixture.http.send("PUT", "/api/me/away", "{\"away\": true}", as("omar"));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        Map<String, Long> spread = fixture.spread(fixture.newTasks(30));
        assertThat(spread).containsOnlyKeys("nadia", "petra").containsEntry("nadia", 15L).containsEntry("petra", 15L);
        fixture.strategy(Groups.DEVELOPMENT, "LEAST_OPEN");
        assertThat(fixture.spread(fixture.newTasks(10))).containsOnlyKeys("nadia", "petra");
    }

    @Test
    void goingAwayHandsOpenTasksOnAndBackToTheQueueWhenNobodyIsLeft() {
        fixture.strategy(Groups.DEVELOPMENT, "ROUND_ROBIN");
        List<String> tasks = fixture.newTasks(6);
        JsonNode nadia = fixture.http.send("PUT", "/api/me/away", "{\"away\": true, \"until\": \"" + today().plusDays(3) + "\"}",
                as("nadia")).json();
        assertThat(nadia.get("reassigned").asInt()).isEqualTo(2);
        assertThat(fixture.spread(tasks)).containsOnly(Map.entry("omar", 3L), Map.entry("petra", 3L));
        fixture.http.send("PUT", "/api/me/away", "{\"away\": true}", as("omar"));
        assertThat(fixture.spread(tasks)).containsOnly(Map.entry("petra", 6L));
        JsonNode petra = fixture.http.send("PUT", "/api/me/away", "{\"away\": true}", as("petra")).json();
        assertThat(petra.get("returnedToQueue").asInt()).isEqualTo(6);
        assertThat(fixture.spread(tasks)).containsOnly(Map.entry("(queue)", 6L));
        assertThat(fixture.spread(fixture.newTasks(3))).containsOnly(Map.entry("(queue)", 3L));
    }

    @Test
    void aTaskOfAGroupWithAssignmentOffStaysWithWhoeverGoesAway() {
        List<String> tasks = fixture.newTasks(2);
        tasks.forEach(task -> engine.getTaskService().setAssignee(task, "nadia"));
        fixture.http.send("PUT", "/api/me/away", "{\"away\": true}", as("nadia"));
        assertThat(fixture.spread(tasks)).containsOnly(Map.entry("nadia", 2L));
    }

    @Test
    void anAwayMarkWhoseLastDayHasPassedCountsAsBack() {
        fixture.strategy(Groups.DEVELOPMENT, "ROUND_ROBIN");
        assertThat(fixture.http.send("PUT", "/api/me/away", "{\"away\": true, \"until\": \"" + today() + "\"}", as("petra")).status())
                .isEqualTo(200);
        assertThat(fixture.spread(fixture.newTasks(6))).containsOnlyKeys("nadia", "omar");
        assertThat(fixture.http.get("/api/me/away", as("petra")).json().get("away").asBoolean()).isTrue();

        ClockUtil.setCurrentTime(Date.from(EngineTime.now().plus(Duration.ofDays(1))));
        assertThat(fixture.http.get("/api/me/away", as("petra")).json().get("away").asBoolean()).isFalse();
        assertThat(fixture.http.get("/api/assignment/away", as("carol")).json().findValuesAsText("user")).doesNotContain("petra");
        assertThat(fixture.spread(fixture.newTasks(3))).containsOnly(Map.entry("nadia", 1L), Map.entry("omar", 1L), Map.entry("petra", 1L));
    }

    @Test
    void withAssignmentOffNewTasksWaitInTheQueue() {
        fixture.strategy(Groups.DEVELOPMENT, "ROUND_ROBIN");
        fixture.strategy(Groups.DEVELOPMENT, "OFF");
        assertThat(fixture.spread(fixture.newTasks(5))).containsOnly(Map.entry("(queue)", 5L));
    }

    @Test
    void roundRobinGoesOnWhereItStoppedAfterARestart() {
        fixture.strategy(Groups.DEVELOPMENT, "ROUND_ROBIN");
        String first = engine.getTaskService().createTaskQuery().taskId(fixture.newTasks(1).get(0)).singleResult().getAssignee();
        // the turn is the database's, not a node's memory: what another node (or this one after a restart) reads
        assertThat(strategies.get(Groups.DEVELOPMENT).lastAssignee()).isEqualTo(first);
        String second = engine.getTaskService().createTaskQuery().taskId(fixture.newTasks(1).get(0)).singleResult().getAssignee();
        List<String> people = AssignmentFixture.PEOPLE;
        assertThat(second).isEqualTo(people.get((people.indexOf(first) + 1) % people.size()));
    }

    @Test
    void tasksCreatedAtTheSameTimeStillGoRoundInTurn() {
        fixture.strategy(Groups.DEVELOPMENT, "ROUND_ROBIN");
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<List<String>>> batches = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> fixture.newTasks(5), threads)).toList();
            List<String> tasks = batches.stream().flatMap(batch -> batch.join().stream()).toList();
            // each choice waits for the one before it (the group's row is locked): no turn is given twice
            assertThat(fixture.spread(tasks)).containsOnly(Map.entry("nadia", 10L), Map.entry("omar", 10L), Map.entry("petra", 10L));
        } finally {
            threads.shutdown();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(EngineTime.now(), teamTime.zone());
    }

    private static void assertEven(Map<String, Long> spread, long total) {
        assertThat(spread.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(Collections.max(spread.values()) - Collections.min(spread.values())).as(spread.toString()).isLessThanOrEqualTo(1);
    }
}
