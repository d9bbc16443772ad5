package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which built-in checks a DATABASE target gets: by the JDBC URL's prefix, or by {@code database.dialect}. MySQL,
 * MariaDB and Oracle are chosen here but not run against a live server in OpsDesk's tests.
 */
class DatabaseDialectTest {

    @Test
    void theJdbcUrlNamesTheDialect() {
        assertThat(dialect("jdbc:postgresql://db:5432/billing")).isEqualTo("postgresql");
        assertThat(dialect("jdbc:mysql://db:3306/shop?useSSL=true")).isEqualTo("mysql");
        assertThat(dialect("jdbc:mariadb://db:3306/shop")).isEqualTo("mariadb");
        assertThat(dialect("jdbc:oracle:thin:@//db:1521/ORCLPDB1")).isEqualTo("oracle");
        assertThat(dialect("jdbc:h2:file:./data/opsdesk")).isEqualTo("h2");
        assertThat(dialect("JDBC:H2:mem:x")).isEqualTo("h2");
    }

    @Test
    void aDbmsWithoutBuiltInChecksGetsNone() {
        assertThat(DatabaseDialect.choose("auto", "jdbc:sqlserver://db:1433")).isEmpty();
        assertThat(DatabaseDialect.choose(null, null)).isEmpty();
    }

    @Test
    void aConfiguredDialectWinsOverTheUrl() {
        assertThat(DatabaseDialect.choose("MariaDB", "jdbc:mysql://db:3306/shop")).get().extracting(DatabaseDialect::name).isEqualTo("mariadb");
        assertThat(DatabaseDialect.choose("none", "jdbc:postgresql://db/billing")).isEmpty();
    }

    @Test
    void eachDialectReadsItsOwnViews() {
        assertThat(DatabaseDialect.forUrl("jdbc:postgresql://db/x").orElseThrow().blockedSessions()).contains("pg_blocking_pids");
        assertThat(DatabaseDialect.forUrl("jdbc:mysql://db/x").orElseThrow().blockedSessions()).contains("performance_schema.data_lock_waits");
        assertThat(DatabaseDialect.forUrl("jdbc:mariadb://db/x").orElseThrow().blockedSessions()).contains("information_schema.innodb_lock_waits");
        assertThat(DatabaseDialect.forUrl("jdbc:oracle:thin:@db").orElseThrow().size()).contains("dba_tablespace_usage_metrics");
        assertThat(DatabaseDialect.forUrl("jdbc:h2:mem:x").orElseThrow().blockedSessions()).contains("blocker_id");
    }

    @Test
    void anUnknownDialectStopsTheStartNamingTheTarget() {
        InspectionProperties properties = new InspectionProperties();
        InspectionTarget target = new InspectionTarget("billing-db", TargetKind.DATABASE);
        target.getDatabase().setDialect("db2");
        properties.setTargets(List.of(target));

        assertThatThrownBy(() -> new InspectionTargets(properties, new MockEnvironment()))
                .hasMessage("opsdesk.inspection.targets[0] 'billing-db': database.dialect 'db2' is none of auto, none, "
                        + "[postgresql, mysql, mariadb, oracle, h2]");
    }

    private static String dialect(String url) {
        return DatabaseDialect.choose("auto", url).orElseThrow().name();
    }
}
