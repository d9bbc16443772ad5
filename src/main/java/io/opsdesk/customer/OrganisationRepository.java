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

/** Plain JDBC access to {@code organisation} and {@code organisation_domain}. */
@Repository
class OrganisationRepository {

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Organisation> list() {
        return jdbc.sql("select * from organisation order by name").query(this::map).list();
    }

    Optional<Organisation> find(long id) {
        return jdbc.sql("select * from organisation where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<Organisation> findByName(String name) {
        return jdbc.sql("select * from organisation where name = :name").param("name", name).query(this::map).optional();
    }

    /** The organisation that owns this domain, if any. */
    Optional<Organisation> findByDomain(String domain) {
        return jdbc.sql("select o.* from organisation o join organisation_domain d on d.organisation_id = o.id where d.domain = :domain")
                .param("domain", domain).query(this::map).optional();
    }

    long insert(String name, String tier, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into organisation (name, sla_tier, created_at, updated_at) values (:name, :tier, :now, :now)")
                .param("name", name).param("tier", tier).param("now", timestamp(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String name, String tier, Instant now) {
        jdbc.sql("update organisation set name = :name, sla_tier = :tier, updated_at = :now where id = :id")
                .param("name", name).param("tier", tier).param("now", timestamp(now)).param("id", id).update();
    }

    void replaceDomains(long id, List<String> domains) {
        jdbc.sql("delete from organisation_domain where organisation_id = :id").param("id", id).update();
        for (String domain : domains) {
            jdbc.sql("insert into organisation_domain (domain, organisation_id) values (:domain, :id)")
                    .param("domain", domain).param("id", id).update();
        }
    }

    long customers(long id) {
        return jdbc.sql("select count(*) from customer where organisation_id = :id").param("id", id).query(Long.class).single();
    }

    void delete(long id) {
        jdbc.sql("delete from organisation_domain where organisation_id = :id").param("id", id).update();
        jdbc.sql("delete from organisation where id = :id").param("id", id).update();
    }

    private List<String> domains(long id) {
        return jdbc.sql("select domain from organisation_domain where organisation_id = :id order by domain")
                .param("id", id).query(String.class).list();
    }

    private Organisation map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new Organisation(id, rs.getString("name"), rs.getString("sla_tier"), domains(id),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
