package io.opsdesk.customer;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.opsdesk.sla.SlaTiers;

/**
 * Who a ticket's customer is, by value: the organisation of the known customer with exactly this address, else the
 * organisation that owns the address's domain, else none (tier {@link #DEFAULT_TIER}).
 */
@Service
public class CustomerDirectory {

    /** The tier of a customer OpsDesk does not know; {@code ticket.customer_tier}'s default too. */
    public static final String DEFAULT_TIER = "STANDARD";
    private static final Logger LOG = LoggerFactory.getLogger(CustomerDirectory.class);

    /** How a ticket's customer was recognised: {@code by} is EMAIL, DOMAIN or NONE. */
    public record Match(String organisation, String slaTier, String by) {

        public boolean found() {
            return organisation != null;
        }
    }

    private final CustomerRepository customers;
    private final OrganisationRepository organisations;
    private final SlaTiers tiers;

    CustomerDirectory(CustomerRepository customers, OrganisationRepository organisations, SlaTiers tiers) {
        this.customers = customers;
        this.organisations = organisations;
        this.tiers = tiers;
    }

    public Match match(String email) {
        if (email == null || email.isBlank()) {
            return new Match(null, DEFAULT_TIER, "NONE");
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        Optional<Match> match = customers.findByEmail(address)
                .flatMap(customer -> organisations.find(customer.organisationId()))
                .map(organisation -> new Match(organisation.name(), organisation.slaTier(), "EMAIL"))
                .or(() -> Optional.ofNullable(CustomerRules.domainOf(address)).flatMap(organisations::findByDomain)
                        .map(organisation -> new Match(organisation.name(), organisation.slaTier(), "DOMAIN")));
        return match.map(this::withKnownTier).orElse(new Match(null, DEFAULT_TIER, "NONE"));
    }

    /** A tier a later sla-policy.dmn dropped would give the ticket no targets at all: it counts as the default. */
    private Match withKnownTier(Match match) {
        if (tiers.knows(match.slaTier())) {
            return match;
        }
        LOG.warn("Organisation {} has tier {}, which sla-policy.dmn no longer defines; the ticket gets {}",
                match.organisation(), match.slaTier(), DEFAULT_TIER);
        return new Match(match.organisation(), DEFAULT_TIER, match.by());
    }
}
