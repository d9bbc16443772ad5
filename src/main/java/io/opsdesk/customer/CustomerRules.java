package io.opsdesk.customer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.opsdesk.domain.DomainException;
import io.opsdesk.sla.SlaTiers;

/** What an organisation or customer must look like; every refusal names its field. Nothing here stores. */
final class CustomerRules {

    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@" + DOMAIN.pattern());
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

    private CustomerRules() {
    }

    /** A name: present, one line, no control or bidirectional characters, at most {@code max} characters. */
    static String name(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        if (CONTROL.matcher(value).find()) {
            throw DomainException.invalid(field, "must be one line without control or bidirectional characters");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw DomainException.invalid(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    static String tier(String value, SlaTiers tiers) {
        Set<String> known = tiers.tiers();
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("slaTier", "is required; one of " + known);
        }
        if (!known.contains(value)) {
            throw DomainException.invalid("slaTier", "'" + value.strip() + "' is not a tier of sla-policy.dmn; one of " + known);
        }
        return value;
    }

    /** Domains lower-cased, without duplicates; {@code example.com}, not {@code @example.com} or a wildcard. */
    static List<String> domains(List<String> values) {
        Set<String> domains = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            String domain = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(domain).matches()) {
                throw DomainException.invalid("domains", "'" + (value == null ? "null" : value.strip())
                        + "' is not an e-mail domain such as example.com");
            }
            domains.add(domain);
        }
        return new ArrayList<>(domains);
    }

    static String email(String value) {
        String email = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw DomainException.invalid("email", "is required");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw DomainException.invalid("email", "'" + value.strip() + "' is not an e-mail address such as li.wei@example.com");
        }
        return email;
    }

    /** The domain of an address, lower-cased; null for something that is not an address. */
    static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 0 ? null : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }
}
