package io.opsdesk.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The customer portal has no login: every page is open, a ticket opens with its tracking token. Its
 * forms are protected against cross-site requests by Spring Security's CSRF token, kept in the HTTP
 * session and put into every form by Thymeleaf's {@code th:action}. The API's chain
 * ({@code io.opsdesk.identity.SecurityConfig}) is separate and stays stateless.
 */
@Configuration
class PortalSecurity {

    static final String PATHS = "/portal/**";
    static final String TOO_LARGE = "/portal/too-large";

    @Bean
    @Order(1)
    SecurityFilterChain portalFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // the "form too large" page (forwarded to by io.opsdesk.web.RequestGuards) has no form fields
                // to read a token from; it only shows a message
                .csrf(csrf -> csrf.ignoringRequestMatchers(TOO_LARGE))
                .exceptionHandling(ex -> ex.accessDeniedPage("/portal/expired"))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        // the first tracking link carries the token: never send it on as a Referer
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                                        + "frame-ancestors 'none'; base-uri 'none'")));
        return http.build();
    }
}
