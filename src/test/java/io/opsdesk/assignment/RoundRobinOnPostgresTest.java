package io.opsdesk.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes on one real PostgreSQL database take a group's round-robin turns at the same moment, each turn in a
 * transaction of its own as when a task is created: with the group's row locked ({@link GroupSettings#lockForTurn})
 * no turn is given twice, so 30 turns are 10 for each of three people. Between reading and taking the turn each
 * node does what a real one does there (query members and tasks), here a few milliseconds in the database.
 * Needs {@code OPSDESK_TEST_POSTGRES_URL} ({@code .ci/run} starts a server); uses a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "OPSDESK_TEST_POSTGRES_URL", matches = ".+")
class RoundRobinOnPostgresTest {

    private static final String SCHEMA = "assignment_turns";
    private static final List<String> PEOPLE = List.of("nadia", "omar", "petra");

    @Test
    void twoNodesTakingTurnsAtOnceNeverGiveTheSameTurnTwice() {
        String url = System.getenv("OPSDESK_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_USER", "opsdesk");
        String password = System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_PASSWORD", "opsdesk");
        JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(url, user, password));
        admin.sql("drop schema if exists " + SCHEMA + " cascade").update();
        admin.sql("create schema " + SCHEMA).update();
        Flyway.configure().dataSource(url, user, password).schemas(SCHEMA).defaultSchema(SCHEMA).load().migrate();

        String nodeUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        List<Function<Integer, String>> nodes = List.of(node(nodeUrl, user, password), node(nodeUrl, user, password));
        new GroupSettings(JdbcClient.create(new DriverManagerDataSource(nodeUrl, user, password)))
                .strategy("support", Strategy.ROUND_ROBIN, "test", Instant.now());

        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<List<String>>> batches = new ArrayList<>();
            for (int thread = 0; thread < 6; thread++) {
                Function<Integer, String> node = nodes.get(thread % 2);
                batches.add(CompletableFuture.supplyAsync(() -> {
                    List<String> turns = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        turns.add(node.apply(i));
                    }
                    return turns;
                }, threads));
            }
            Map<String, Long> spread = batches.stream().flatMap(batch -> batch.join().stream())
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
            assertThat(spread).containsOnly(Map.entry("nadia", 10L), Map.entry("omar", 10L), Map.entry("petra", 10L));
        } finally {
            threads.shutdown();
        }
    }

    /** One node: its own connections; a turn is one transaction, as in AssigneePicker. */
    private static Function<Integer, String> node(String url, String user, String password) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        GroupSettings settings = new GroupSettings(jdbc);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        return ignored -> transaction.execute(status -> {
            GroupSetting turn = settings.lockForTurn("support").orElseThrow();
            jdbc.sql("select pg_sleep(0.005)").query().singleRow(); // the member and open-task queries of a real node
            String next = AssigneePicker.rotation(PEOPLE, turn.lastAssignee()).get(0);
            settings.turnTaken("support", next);
            return next;
        });
    }
}
