package io.opsdesk.customer;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code customer}; addresses are stored lower-cased. */
@Repository
class CustomerRepository {

    private static final String SELECT = """
            select c.*, o.name as organisation_name from customer c join organisation o on o.id = c.organisation_id""";

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Customer> list(Long organisationId) {
        return organisationId == null
                ? jdbc.sql(SELECT + " order by c.email").query(CustomerRepository::map).list()
                : jdbc.sql(SELECT + " where c.organisation_id = :org order by c.email").param("org", organisationId)
                        .query(CustomerRepository::map).list();
    }

    Optional<Customer> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CustomerRepository::map).optional();
    }

    Optional<Customer> findByEmail(String email) {
        return jdbc.sql(SELECT + " where c.email = :email").param("email", email).query(CustomerRepository::map).optional();
    }

    long insert(String email, String name, long organisationId, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into customer (email, name, organisation_id, created_at, updated_at)
                values (:email, :name, :org, :now, :now)""")
                .param("email", email).param("name", name).param("org", organisationId).param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String email, String name, long organisationId, Instant now) {
        jdbc.sql("update customer set email = :email, name = :name, organisation_id = :org, updated_at = :now where id = :id")
                .param("email", email).param("name", name).param("org", organisationId).param("now", timestamp(now))
                .param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from customer where id = :id").param("id", id).update();
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        return new Customer(rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getLong("organisation_id"),
                rs.getString("organisation_name"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
