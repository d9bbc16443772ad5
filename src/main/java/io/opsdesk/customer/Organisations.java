package io.opsdesk.customer;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.domain.DomainException;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.sla.SlaTiers;

/**
 * Organisations and their SLA tier. A tier change applies to tickets created afterwards: a ticket keeps the tier it
 * was received with, as it keeps its targets.
 */
@Service
public class Organisations {

    private static final Logger LOG = LoggerFactory.getLogger(Organisations.class);

    private final OrganisationRepository organisations;
    private final SlaTiers tiers;

    Organisations(OrganisationRepository organisations, SlaTiers tiers) {
        this.organisations = organisations;
        this.tiers = tiers;
    }

    public List<Organisation> list() {
        return organisations.list();
    }

    public Organisation get(long id) {
        return organisations.find(id).orElseThrow(() -> DomainException.notFound("no organisation " + id));
    }

    @Transactional
    public Organisation create(OrganisationRequest request, String actor) {
        Valid valid = validate(request, null);
        long id = stored(() -> organisations.insert(valid.name(), valid.tier(), EngineTime.now()));
        organisations.replaceDomains(id, valid.domains());
        LOG.info("{} created organisation {} ({}, {})", actor, valid.name(), valid.tier(), valid.domains());
        return get(id);
    }

    @Transactional
    public Organisation update(long id, OrganisationRequest request, String actor) {
        Organisation before = get(id);
        Valid valid = validate(request, id);
        stored(() -> {
            organisations.update(id, valid.name(), valid.tier(), EngineTime.now());
            organisations.replaceDomains(id, valid.domains());
            return id;
        });
        LOG.info("{} changed organisation {}: tier {} -> {}, domains {} -> {}", actor, before.name(), before.slaTier(),
                valid.tier(), before.domains(), valid.domains());
        return get(id);
    }

    /** Only an organisation without customers: their tier would silently change. */
    @Transactional
    public void delete(long id, String actor) {
        Organisation organisation = get(id);
        long customers = organisations.customers(id);
        if (customers > 0) {
            throw DomainException.conflict("organisation " + organisation.name() + " still has " + customers
                    + " customer(s); move or delete them first");
        }
        organisations.delete(id);
        LOG.info("{} deleted organisation {}", actor, organisation.name());
    }

    private record Valid(String name, String tier, List<String> domains) {
    }

    private Valid validate(OrganisationRequest request, Long self) {
        if (request == null) {
            throw DomainException.invalid("name", "is required");
        }
        String name = CustomerRules.name("name", request.name(), 200);
        String tier = CustomerRules.tier(request.slaTier(), tiers);
        List<String> domains = CustomerRules.domains(request.domains());
        organisations.findByName(name).filter(other -> !Long.valueOf(other.id()).equals(self)).ifPresent(other -> {
            throw DomainException.conflict("name", "an organisation named '" + name + "' exists already (id " + other.id() + ")");
        });
        for (String domain : domains) {
            organisations.findByDomain(domain).filter(other -> !Long.valueOf(other.id()).equals(self)).ifPresent(other -> {
                throw DomainException.conflict("domains", domain + " belongs to organisation '" + other.name() + "' already");
            });
        }
        return new Valid(name, tier, domains);
    }

    /** Two requests that pass the checks at once: the unique key lets one in, the other is refused the same way. */
    private static long stored(java.util.function.LongSupplier write) {
        try {
            return write.getAsLong();
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("name", "an organisation with this name or domain was stored at the same time; reload and retry");
        }
    }
}
