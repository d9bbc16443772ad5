package io.opsdesk.sla;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsdesk.web.ApiException;

/**
 * A year's holiday notice of a calendar: {@code PUT} (managers, camunda-admin) loads it as CSV
 * ({@code text/csv}) or iCalendar ({@code text/calendar}, or {@code ?format=csv|ics}); {@code GET} (staff)
 * shows the year's days and where each comes from.
 */
@RestController
@RequestMapping("/api/calendars/{name}/holidays/{year}")
class HolidayNoticeController {

    private final HolidayNoticeService notices;

    HolidayNoticeController(HolidayNoticeService notices) {
        this.notices = notices;
    }

    record YearView(String calendar, int year, List<HolidayNoticeService.Day> days) {
    }

    @GetMapping
    YearView get(@PathVariable String name, @PathVariable int year) {
        return guarded(() -> new YearView(name, year, notices.days(name, year)));
    }

    @PutMapping
    YearView put(@PathVariable String name, @PathVariable int year, @RequestBody(required = false) String body,
            @RequestParam(required = false) String format,
            @RequestHeader(name = "Content-Type", required = false) String contentType, Principal user) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("body", "the notice is empty; send its CSV or iCalendar text");
        }
        String chosen = format != null ? format : formatOf(contentType);
        return guarded(() -> new YearView(name, year, notices.load(name, year, chosen, body, user.getName())));
    }

    private static String formatOf(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return "csv";
        }
        return type.startsWith("text/calendar") ? "ics" : contentType;
    }

    private static YearView guarded(java.util.function.Supplier<YearView> action) {
        try {
            return action.get();
        } catch (UnknownCalendarException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "name", e.getMessage());
        } catch (HolidayFileException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            String field = message.startsWith("format:") || message.startsWith("year:") ? message.substring(0, colon) : "body";
            throw ApiException.invalid(field, field.equals("body") ? message : message.substring(colon + 2));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("name", e.getMessage());
        }
    }
}
