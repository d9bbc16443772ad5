package io.opsdesk.assignment;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.opsdesk.domain.DomainException;

/** Refusals of bad input, in the caller's language (zh-CN or en, messages*.properties {@code assignment.*}). */
@Component
class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    DomainException invalid(String field, String key, Object... arguments) {
        return DomainException.invalid(field, messages.getMessage("assignment." + key, arguments, LocaleContextHolder.getLocale()));
    }
}
