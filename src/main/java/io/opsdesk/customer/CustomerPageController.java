package io.opsdesk.customer;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.opsdesk.identity.Groups;
import io.opsdesk.sla.SlaTiers;

/**
 * {@code /staff/organisations}: the organisations and customers for staff (HTTP Basic login), in the language of
 * the browser (zh-CN or en). The page writes through the JSON API ({@code fetch}), never by a form post, so the
 * API's rights and refusals are the page's and a foreign site cannot post a form with the browser's login.
 */
@Controller
class CustomerPageController {

    private static final Set<String> WRITERS = Set.of(Groups.authority(Groups.SUPERVISORS),
            Groups.authority(Groups.MANAGERS), Groups.authority(Groups.ADMIN));

    private final Organisations organisations;
    private final Customers customers;
    private final SlaTiers tiers;

    CustomerPageController(Organisations organisations, Customers customers, SlaTiers tiers) {
        this.organisations = organisations;
        this.customers = customers;
        this.tiers = tiers;
    }

    @GetMapping("/staff/organisations")
    String page(Model model, Authentication user) {
        model.addAttribute("organisations", organisations.list());
        model.addAttribute("customers", customers.list(null));
        model.addAttribute("tiers", tiers.tiers());
        model.addAttribute("canWrite", user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(WRITERS::contains));
        return "customer/organisations";
    }
}
