package io.opsdesk.customer;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opsdesk.sla.SlaTiers;

/** {@code /api/organisations}: staff read; supervisors, managers and administrators write (SecurityConfig). */
@RestController
@RequestMapping("/api/organisations")
class OrganisationController {

    private final Organisations organisations;
    private final SlaTiers tiers;

    OrganisationController(Organisations organisations, SlaTiers tiers) {
        this.organisations = organisations;
        this.tiers = tiers;
    }

    @GetMapping
    List<Organisation> list() {
        return organisations.list();
    }

    /** The tiers a new or changed organisation may have: those of the deployed {@code sla-policy.dmn}. */
    @GetMapping("/tiers")
    java.util.Set<String> tiers() {
        return tiers.tiers();
    }

    @GetMapping("/{id}")
    Organisation get(@PathVariable long id) {
        return organisations.get(id);
    }

    @PostMapping
    ResponseEntity<Organisation> create(@RequestBody OrganisationRequest request, Principal user) {
        Organisation created = organisations.create(request, user.getName());
        return ResponseEntity.created(URI.create("/api/organisations/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    Organisation update(@PathVariable long id, @RequestBody OrganisationRequest request, Principal user) {
        return organisations.update(id, request, user.getName());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Principal user) {
        organisations.delete(id, user.getName());
        return ResponseEntity.noContent().build();
    }
}
