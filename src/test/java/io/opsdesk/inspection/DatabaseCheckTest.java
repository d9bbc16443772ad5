package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** DATABASE checks against H2 in-memory databases reached by JDBC URL. */
class DatabaseCheckTest {

    private static final String URL = "jdbc:h2:mem:inspected-orders";

    private final DatabaseCheck check = new DatabaseCheck(new DefaultListableBeanFactory().getBeanProvider(DataSource.class));
    private Connection keepAlive;

    @BeforeEach
    void createDatabase() throws SQLException {
        keepAlive = DriverManager.getConnection(URL, "sa", "");
        keepAlive.createStatement().execute("create table orders (id int primary key)");
        keepAlive.createStatement().execute("insert into orders values (1), (2), (3)");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        keepAlive.createStatement().execute("drop table orders");
        keepAlive.close();
    }

    @Test
    void reachableDatabaseAnsweringTheValidationQueryIsOk() {
        CheckResult result = check.check(target(URL));

        assertThat(result.status()).isEqualTo(CheckStatus.OK);
        assertThat(result.latencyMs()).isNotNull().isLessThan(2000);
        assertThat(result.message()).startsWith("'select 1' answered in ");
    }

    @Test
    void sizeAboveItsMaximumWarns() {
        InspectionTarget target = target(URL);
        target.getDatabase().setSizeQuery("select count(*) from orders");
        target.getDatabase().setMaxSize(2.0);

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.value()).isEqualTo(3.0);
        assertThat(result.findings()).extracting(Finding::title).containsExactly("orders-db: size 3 above 2");
    }

    @Test
    void sizeWithinItsMaximumIsOk() {
        InspectionTarget target = target(URL);
        target.getDatabase().setSizeQuery("select count(*) from orders");
        target.getDatabase().setMaxSize(10.0);

        assertThat(check.check(target).status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void wrongValidationQueryFailsWithTheDatabasesMessage() {
        InspectionTarget target = target(URL);
        target.getDatabase().setValidationQuery("select * from no_such_table");

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.title()).isEqualTo("orders-db: cannot connect to or query " + URL);
            assertThat(finding.evidence()).containsIgnoringCase("NO_SUCH_TABLE").contains("JdbcSQLSyntaxErrorException");
        });
    }

    @Test
    void urlWithoutADriverFails() {
        CheckResult result = check.check(target("jdbc:nosuchdb://127.0.0.1/orders"));

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.findings()).singleElement().extracting(Finding::evidence).asString().contains("No suitable driver");
    }

    @Test
    void databaseThatIsNotThereFails() throws IOException {
        int port = NetworkCheckTest.closedPort();

        CheckResult result = check.check(target("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:orders"));

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.findings()).singleElement().extracting(Finding::evidence).asString().contains("Connection refused");
    }

    @Test
    void aPasswordInTheUrlIsNotRepeatedInTheFinding() {
        CheckResult result = check.check(target("jdbc:nosuchdb://127.0.0.1/orders?user=app&password=s3cret"));

        assertThat(result.message()).isEqualTo("cannot connect to or query jdbc:nosuchdb://127.0.0.1/orders?user=app&password=***");
        assertThat(result.findings().get(0).title() + result.findings().get(0).evidence()).doesNotContain("s3cret");
    }

    @Test
    void withoutUrlNorOwnDataSourceFails() {
        CheckResult result = check.check(new InspectionTarget("own", TargetKind.DATABASE));

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.message()).isEqualTo("cannot connect to or query OpsDesk's database");
    }

    private static InspectionTarget target(String url) {
        InspectionTarget target = new InspectionTarget("orders-db", TargetKind.DATABASE);
        target.getDatabase().setUrl(url);
        target.getDatabase().setUsername("sa");
        target.getDatabase().setPassword("");
        return target;
    }
}
