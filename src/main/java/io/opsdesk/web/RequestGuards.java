package io.opsdesk.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests refused before any application code sees them, each answered as a 4xx problem detail (a page
 * in the portal) instead of a 500 with a stack trace in the log:
 * <ul>
 * <li>a URL Spring Security's {@link StrictHttpFirewall} rejects (path parameters such as
 * {@code /engine-rest;x=y/task}, encoded slashes, ...): 400. The firewall runs first, because Spring's own
 * path parsing in front of Spring Security fails on such a URL with an exception;</li>
 * <li>a portal form post larger than {@code server.tomcat.max-http-form-post-size}: 413 and a page saying so.
 * Tomcat silently drops all fields of such a form, which the portal's CSRF check would report as an expired
 * form (403). Only the portal's forms are read here: elsewhere (Camunda's webapps and REST API) the body stays
 * for its reader.</li>
 * </ul>
 */
@Configuration
class RequestGuards {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuards.class);
    /** Set by Tomcat when it could not read a request's form fields; the reason is its Parameters.FailReason. */
    private static final String PARSE_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";
    static final String PORTAL_TOO_LARGE = "/portal/too-large";

    /** Also used by Spring Security's own firewall check (FilterChainProxy picks the bean up). */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> {
            LOG.info("Refused {} {}: {}", request.getMethod(), printable(request.getRequestURI()), e.getMessage());
            writeProblem(json, response, HttpStatus.BAD_REQUEST, "the request URL is not accepted: " + e.getMessage());
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestGuardFilter(RequestRejectedHandler rejected) {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    firewall.getFirewalledRequest(request);
                } catch (RequestRejectedException e) {
                    rejected.handle(request, response, e);
                    return;
                }
                if (request.getServletPath().startsWith("/portal/") && formTooLarge(request)) {
                    LOG.info("Refused {} {}: form larger than the form size limit ({} bytes declared)",
                            request.getMethod(), printable(request.getRequestURI()), request.getContentLengthLong());
                    request.getRequestDispatcher(PORTAL_TOO_LARGE).forward(request, response);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("opsdesk-request-guard");
        // before Spring Security (-100) and everything that parses the path; after character encoding
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static boolean formTooLarge(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getContentType() == null
                || !request.getContentType().toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return false;
        }
        request.getParameterNames(); // Tomcat reads the form now and records why it could not
        return "POST_TOO_LARGE".equals(String.valueOf(request.getAttribute(PARSE_FAILED_REASON)));
    }

    private static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String printable(String text) {
        return text == null ? null : text.replaceAll("[\\p{Cntrl}]", "?");
    }
}
