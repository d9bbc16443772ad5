package io.opsdesk.customer;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.domain.DomainException;
import io.opsdesk.engine.EngineTime;

/** Known customers, each in one organisation; an address is known once (case-insensitive). */
@Service
public class Customers {

    private static final Logger LOG = LoggerFactory.getLogger(Customers.class);

    private final CustomerRepository customers;
    private final OrganisationRepository organisations;

    Customers(CustomerRepository customers, OrganisationRepository organisations) {
        this.customers = customers;
        this.organisations = organisations;
    }

    public List<Customer> list(Long organisationId) {
        return customers.list(organisationId);
    }

    public Customer get(long id) {
        return customers.find(id).orElseThrow(() -> DomainException.notFound("no customer " + id));
    }

    @Transactional
    public Customer create(CustomerRequest request, String actor) {
        Valid valid = validate(request, null);
        long id = stored(() -> customers.insert(valid.email(), valid.name(), valid.organisationId(), EngineTime.now()));
        LOG.info("{} added customer {} to organisation {}", actor, valid.email(), valid.organisationId());
        return get(id);
    }

    @Transactional
    public Customer update(long id, CustomerRequest request, String actor) {
        get(id);
        Valid valid = validate(request, id);
        stored(() -> {
            customers.update(id, valid.email(), valid.name(), valid.organisationId(), EngineTime.now());
            return id;
        });
        LOG.info("{} changed customer {} (organisation {})", actor, valid.email(), valid.organisationId());
        return get(id);
    }

    @Transactional
    public void delete(long id, String actor) {
        Customer customer = get(id);
        customers.delete(id);
        LOG.info("{} deleted customer {}", actor, customer.email());
    }

    private record Valid(String email, String name, long organisationId) {
    }

    private Valid validate(CustomerRequest request, Long self) {
        if (request == null) {
            throw DomainException.invalid("email", "is required");
        }
        String email = CustomerRules.email(request.email());
        String name = CustomerRules.name("name", request.name(), 200);
        if (request.organisationId() == null) {
            throw DomainException.invalid("organisationId", "is required");
        }
        if (organisations.find(request.organisationId()).isEmpty()) {
            throw DomainException.invalid("organisationId", "no organisation " + request.organisationId());
        }
        customers.findByEmail(email).filter(other -> !Long.valueOf(other.id()).equals(self)).ifPresent(other -> {
            throw DomainException.conflict("email", email + " is customer " + other.id() + " already");
        });
        return new Valid(email, name, request.organisationId());
    }

    private static long stored(java.util.function.LongSupplier write) {
        try {
            return write.getAsLong();
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("email", "a customer with this address was stored at the same time; reload and retry");
        }
    }
}
