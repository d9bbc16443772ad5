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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/customers}: staff read; supervisors, managers and administrators write (SecurityConfig). */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final Customers customers;

    CustomerController(Customers customers) {
        this.customers = customers;
    }

    @GetMapping
    List<Customer> list(@RequestParam(required = false) Long organisationId) {
        return customers.list(organisationId);
    }

    @GetMapping("/{id}")
    Customer get(@PathVariable long id) {
        return customers.get(id);
    }

    @PostMapping
    ResponseEntity<Customer> create(@RequestBody CustomerRequest request, Principal user) {
        Customer created = customers.create(request, user.getName());
        return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    Customer update(@PathVariable long id, @RequestBody CustomerRequest request, Principal user) {
        return customers.update(id, request, user.getName());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Principal user) {
        customers.delete(id, user.getName());
        return ResponseEntity.noContent().build();
    }
}
