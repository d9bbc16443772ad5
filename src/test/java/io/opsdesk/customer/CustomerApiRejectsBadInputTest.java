package io.opsdesk.customer;

import static io.opsdesk.Http.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/** Organisations and customers refuse bad input with a problem naming the field, and nothing stored changes. */
@OpsDeskTest
class CustomerApiRejectsBadInputTest {

    static final String CAROL = Http.basic("carol", "carol");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String domain;
    long organisation;
    JsonNode stored;

    @BeforeEach
    void organisation() {
        http = new Http(port);
        domain = "bad-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Http.Response created = http.postJson("/api/organisations",
                Map.of("name", "Org " + domain, "slaTier", "STANDARD", "domains", List.of(domain)), "Authorization", CAROL);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        organisation = created.json().get("id").asLong();
        stored = created.json();
    }

    @Test
    void aTierTheSlaPolicyDoesNotDefineIsRefused() {
        long before = count("organisation");
        assertProblem(http.postJson("/api/organisations", Map.of("name", "Gold " + domain, "slaTier", "GOLD"),
                "Authorization", CAROL), 400, "slaTier", "'GOLD' is not a tier of sla-policy.dmn; one of [PREMIUM, STANDARD]");
        assertProblem(http.postJson("/api/organisations", Map.of("name", "Lower " + domain, "slaTier", "premium"),
                "Authorization", CAROL), 400, "slaTier", "is not a tier of sla-policy.dmn");
        assertProblem(put(Map.of("name", "Org " + domain, "slaTier", "GOLD", "domains", List.of("other-" + domain))),
                400, "slaTier", "'GOLD' is not a tier");
        assertThat(count("organisation")).isEqualTo(before);
        assertUnchanged();
        assertThat(http.get("/api/organisations/tiers", "Authorization", CAROL).json().toString())
                .isEqualTo("[\"PREMIUM\",\"STANDARD\"]");
    }

    @Test
    void badNamesAndDomainsAreRefused() {
        long before = count("organisation");
        assertProblem(http.postJson("/api/organisations", Map.of("slaTier", "STANDARD"), "Authorization", CAROL),
                400, "name", "is required");
        assertProblem(http.postJson("/api/organisations", Map.of("name", "a\nb", "slaTier", "STANDARD"), "Authorization", CAROL),
                400, "name", "must be one line");
        assertProblem(http.postJson("/api/organisations", Map.of("name", "x".repeat(201), "slaTier", "STANDARD"),
                "Authorization", CAROL), 400, "name", "at most 200");
        assertProblem(http.postJson("/api/organisations", Map.of("name", "Wild " + domain, "slaTier", "STANDARD",
                "domains", List.of("*.example.com")), "Authorization", CAROL), 400, "domains", "'*.example.com' is not an e-mail domain");
        assertProblem(http.postJson("/api/organisations", Map.of("name", "Org " + domain, "slaTier", "STANDARD"),
                "Authorization", CAROL), 409, "name", "exists already");
        assertProblem(http.postJson("/api/organisations", Map.of("name", "Twin " + domain, "slaTier", "PREMIUM",
                "domains", List.of(domain.toUpperCase())), "Authorization", CAROL), 409, "domains", "belongs to organisation");
        assertProblem(put(Map.of("name", " ", "slaTier", "PREMIUM", "domains", List.of())), 400, "name", "is required");
        assertThat(count("organisation")).isEqualTo(before);
        assertUnchanged();
    }

    @Test
    void badCustomersAreRefused() {
        long before = count("customer");
        assertProblem(http.postJson("/api/customers", Map.of("email", "not an address", "name", "X", "organisationId", organisation),
                "Authorization", CAROL), 400, "email", "is not an e-mail address");
        assertProblem(http.postJson("/api/customers", Map.of("email", "x@" + domain, "organisationId", organisation),
                "Authorization", CAROL), 400, "name", "is required");
        assertProblem(http.postJson("/api/customers", Map.of("email", "x@" + domain, "name", "X"),
                "Authorization", CAROL), 400, "organisationId", "is required");
        assertProblem(http.postJson("/api/customers", Map.of("email", "x@" + domain, "name", "X", "organisationId", 999_999_999),
                "Authorization", CAROL), 400, "organisationId", "no organisation 999999999");
        assertThat(http.postJson("/api/customers", Map.of("email", "x@" + domain, "name", "X", "organisationId", organisation),
                "Authorization", CAROL).status()).isEqualTo(201);
        assertProblem(http.postJson("/api/customers", Map.of("email", "X@" + domain.toUpperCase(), "name", "Y", "organisationId", organisation),
                "Authorization", CAROL), 409, "email", "already");
        assertThat(count("customer")).isEqualTo(before + 1);
        Http.Response delete = http.send("DELETE", "/api/organisations/" + organisation, "", "Authorization", CAROL);
        assertThat(delete.status()).as(delete.body()).isEqualTo(409);
        assertUnchanged();
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedBodiesRefused() {
        assertThat(http.get("/api/organisations/999999999", "Authorization", CAROL).status()).isEqualTo(404);
        assertThat(http.get("/api/customers/999999999", "Authorization", CAROL).status()).isEqualTo(404);
        Http.Response malformed = http.postJson("/api/organisations", "{\"name\": ", "Authorization", CAROL);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertUnchanged();
    }

    private Http.Response put(Map<String, Object> body) {
        return http.send("PUT", "/api/organisations/" + organisation, OrganisationTierTest.json(body),
                "Authorization", CAROL, "Content-Type", "application/json");
    }

    private void assertUnchanged() {
        assertThat(http.get("/api/organisations/" + organisation, "Authorization", CAROL).json()).isEqualTo(stored);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
