package io.opsdesk.portal;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import io.opsdesk.domain.DomainException;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.web.RateLimiter;

/** "Report a problem": the form, its validation, and the page with the new ticket's key and tracking link. */
@Controller
@RequestMapping("/portal")
class NewTicketController {

    private static final String CREATED = NewTicketController.class.getName() + ".created";

    /** The ticket just created in this session, shown once on the confirmation page. */
    record Created(String key, String token) implements Serializable {
    }

    private final TicketService tickets;
    private final RateLimiter rateLimiter;
    private final String publicUrl;

    NewTicketController(TicketService tickets, RateLimiter rateLimiter, @Value("${opsdesk.public-url}") String publicUrl) {
        this.tickets = tickets;
        this.rateLimiter = rateLimiter;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("types", TicketType.values());
        model.addAttribute("levels", Level.values());
    }

    @GetMapping({"", "/"})
    String home() {
        return "redirect:/portal/tickets/new";
    }

    @GetMapping("/tickets/new")
    String form(Model model, Locale locale) {
        TicketForm form = new TicketForm();
        form.setLocale(locale.getLanguage().equals("en") ? "en" : "zh-CN");
        form.setSubmission(UUID.randomUUID().toString());
        model.addAttribute("ticketForm", form);
        return "portal/new";
    }

    @PostMapping("/tickets")
    String create(@Valid @ModelAttribute("ticketForm") TicketForm form, BindingResult errors,
                  HttpServletRequest request) {
        if (errors.hasErrors()) {
            return "portal/new";
        }
        rateLimiter.acquire(request.getRemoteAddr());
        TicketService.Created created;
        try {
            // a double submit of the same form answers the same ticket
            created = tickets.receive(form.toNewTicket(), "address:" + request.getRemoteAddr(),
                    form.getSubmission() == null ? null : "portal:" + form.getSubmission());
        } catch (DomainException sameFormOtherContent) {
            // the customer went back and changed the form: that is a new ticket
            created = tickets.receive(form.toNewTicket(), "address:" + request.getRemoteAddr(), null);
        }
        HttpSession session = request.getSession();
        SessionTokens.remember(session, created.ticket().key(), created.trackingToken());
        session.setAttribute(CREATED, new Created(created.ticket().key(), created.trackingToken()));
        return "redirect:/portal/tickets/created";
    }

    @GetMapping("/tickets/created")
    String created(HttpSession session, Model model) {
        if (!(session.getAttribute(CREATED) instanceof Created created)) {
            return "redirect:/portal/tickets/new";
        }
        String path = "/portal/tickets/" + created.key() + "?token=" + URLEncoder.encode(created.token(), StandardCharsets.UTF_8);
        model.addAttribute("key", created.key());
        model.addAttribute("token", created.token());
        model.addAttribute("trackingPath", path);
        model.addAttribute("trackingUrl", publicUrl + path);
        return "portal/created";
    }
}
