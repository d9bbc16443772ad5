package io.opsdesk.portal;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.opsdesk.ticket.TicketNotFoundException;
import io.opsdesk.web.RateLimitExceededException;

/**
 * What every portal page needs: the path the language switch reloads. Refusals in the portal are pages, not problem details: one "not found" page for an unknown ticket and
 * a wrong token alike, a friendly page for too many new tickets, and a page with a reference for
 * anything unexpected. Ordered before the API's handler, and only for the portal's controllers.
 */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(PortalAdvice.class);

    /** The page to reload in another language: the current one, or the form after a refused POST. */
    @ModelAttribute("langPath")
    String langPath(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) ? request.getRequestURI() : "/portal/tickets/new";
    }

    @ExceptionHandler(TicketNotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "portal/not-found";
    }

    @ExceptionHandler(RateLimitExceededException.class)
    String tooMany(RateLimitExceededException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        model.addAttribute("minutes", Math.max(1, (e.retryAfterSeconds() + 59) / 60));
        return "portal/too-many";
    }

    // RequestRejectedException: Spring Security's firewall refuses a form field name with control characters
    // when the form is bound
    @ExceptionHandler({ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class,
            RequestRejectedException.class})
    String badRequest(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", "portal.error.badRequest");
        return "portal/error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Portal request failed, reference {}", reference, e);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("message", "portal.error.unexpected");
        model.addAttribute("reference", reference);
        return "portal/error";
    }

    /** Where OpsDesk's request guard (io.opsdesk.web.RequestGuards) forwards a form too large to read. */
    @Controller
    static class TooLargeController {

        @RequestMapping("/portal/too-large")
        String tooLarge(HttpServletResponse response, Model model) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            model.addAttribute("message", "portal.error.tooLarge");
            return "portal/error";
        }
    }

    /** Where Spring Security sends a form whose CSRF token is missing or stale (e.g. an expired session). */
    @Controller
    static class ExpiredFormController {

        @RequestMapping("/portal/expired")
        String expired(HttpServletResponse response, Model model) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("message", "portal.error.expired");
            return "portal/error";
        }
    }
}
