package io.opsdesk.portal;

import org.springframework.http.ResponseEntity;

import io.opsdesk.attachment.AttachmentResponses;
import io.opsdesk.attachment.AttachmentService;

import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.opsdesk.ticket.Ticket;
import io.opsdesk.domain.DomainException;
import io.opsdesk.ticket.TicketKeys;
import io.opsdesk.ticket.TicketNotFoundException;
import io.opsdesk.ticket.TextRules;
import io.opsdesk.ticket.TicketRules;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.web.ApiException;

/**
 * A ticket's tracking page, and the customer's two answers: more information, and acceptance or
 * rejection of a delivery. The token comes once in the link and then lives in the session
 * ({@link SessionTokens}); every POST redirects back to the page (post/redirect/get) with a notice.
 */
@Controller
@RequestMapping("/portal/tickets/{key}")
class TrackingController {


    private final TicketService tickets;
    private final AttachmentService attachments;
    private final MessageSource messages;
    private final ZoneId zone;

    TrackingController(TicketService tickets, AttachmentService attachments, MessageSource messages,
                       @Value("${opsdesk.ticket.zone}") ZoneId zone) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping
    String show(@PathVariable String key, @RequestParam(required = false) String token, HttpServletRequest request,
                Model model, Locale locale) {
        if (!key.matches(TicketKeys.PATTERN)) {
            throw new TicketNotFoundException(key);
        }
        if (token != null) {
            // the link from the mail or the confirmation page: check it, keep the token in the session and
            // leave this URL at once, so it stays out of the address bar, history and later access logs
            tickets.open(key, token, false);
            SessionTokens.remember(request.getSession(), key, token);
            return "redirect:/portal/tickets/" + key;
        }
        Ticket ticket = tickets.open(key, token(request, key), false);
        model.addAttribute("page", TrackingPage.of(ticket, tickets.timeline(key, false), messages, locale, zone));
        model.addAttribute("attachments", attachments.publicAttachments(key));
        return "portal/ticket";
    }

    /** A file support delivered with the ticket (public attachments only), with the token from the session. */
    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String key, @PathVariable String id, HttpServletRequest request) {
        String token = token(request, key);
        if (!id.matches("\\d{1,18}")) {
            throw new TicketNotFoundException(key);
        }
        return AttachmentResponses.download(attachments.download(key, Long.parseLong(id), token, false));
    }

    @PostMapping("/replies")
    String reply(@PathVariable String key, @RequestParam(defaultValue = "") String message, HttpServletRequest request,
                 RedirectAttributes redirect) {
        String token = token(request, key);
        String replyError = message.isBlank() ? "portal.reply.required"
                : message.length() > TicketRules.REPLY_MAX ? "portal.reply.tooLong"
                : TextRules.problem(message, TextRules.Kind.MULTI_LINE) != null ? "portal.reply.invalidCharacters" : null;
        if (replyError != null) {
            redirect.addFlashAttribute("replyError", replyError);
            redirect.addFlashAttribute("replyText", message);
            return back(key);
        }
        try {
            tickets.reply(key, token, message);
            redirect.addFlashAttribute("notice", "portal.notice.replied");
        } catch (DomainException | ApiException refused) {
            // ApiException only until TicketService throws DomainException alone (issue 11)
            redirect.addFlashAttribute("problem", "portal.problem.closed");
        }
        return back(key);
    }

    @PostMapping("/acceptance")
    String acceptance(@PathVariable String key, @RequestParam boolean accepted,
                      @RequestParam(required = false) Integer rating, @RequestParam(defaultValue = "") String comment,
                      HttpServletRequest request, RedirectAttributes redirect) {
        String token = token(request, key);
        String error = null;
        if (!accepted && comment.isBlank()) {
            error = "portal.reject.required";
        } else if (comment.length() > TicketRules.ACCEPTANCE_COMMENT_MAX) {
            error = "portal.comment.tooLong";
        } else if (TextRules.problem(comment, TextRules.Kind.MULTI_LINE) != null) {
            error = "portal.comment.invalidCharacters";
        } else if (accepted && rating != null && (rating < 1 || rating > 5)) {
            error = "portal.rating.range";
        }
        if (error != null) {
            redirect.addFlashAttribute(accepted ? "acceptError" : "rejectError", error);
            redirect.addFlashAttribute(accepted ? "acceptText" : "rejectText", comment);
            return back(key);
        }
        try {
            tickets.acceptance(key, token, accepted, comment.isBlank() ? null : comment, accepted ? rating : null);
            redirect.addFlashAttribute("notice", accepted ? "portal.notice.accepted" : "portal.notice.rejected");
        } catch (DomainException | ApiException refused) {
            // ApiException only until TicketService throws DomainException alone (issue 11)
            redirect.addFlashAttribute("problem", "portal.problem.notAwaiting");
        }
        return back(key);
    }

    private static String token(HttpServletRequest request, String key) {
        if (!key.matches(TicketKeys.PATTERN)) {
            throw new TicketNotFoundException(key);
        }
        return SessionTokens.of(request.getSession(false), key).orElseThrow(() -> new TicketNotFoundException(key));
    }

    private static String back(String key) {
        return "redirect:/portal/tickets/" + key;
    }
}
