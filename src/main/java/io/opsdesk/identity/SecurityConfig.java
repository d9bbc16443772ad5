package io.opsdesk.identity;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may call what. OpsDesk's API: anyone may open a ticket; a customer reaches one ticket with its
 * tracking token (checked by the ticket service); everything else needs a staff login (HTTP Basic
 * against Camunda's identity service). Camunda's REST API authenticates through Camunda's own filter,
 * the webapps through their own login page.
 */
@Configuration
class SecurityConfig {

    static final String ENGINE_REST = "/engine-rest/*";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"OpsDesk\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "a staff login (HTTP Basic) is required");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                writeProblem(json, response, HttpStatus.FORBIDDEN, "your groups do not allow this");
        http.securityMatcher("/api/**", "/actuator/**", "/reports/**", "/staff/**", "/v3/api-docs", "/v3/api-docs/**",
                        "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/tickets").hasAnyAuthority(Groups.staffAuthorities())
                        .requestMatchers(HttpMethod.POST, "/api/tickets").permitAll()
                        .requestMatchers("/api/tickets/*", "/api/tickets/*/replies", "/api/tickets/*/acceptance").permitAll()
                        // attachments: listing and download by staff or the customer's token (checked by the service);
                        // uploads (POST) fall through to staff only
                        .requestMatchers(HttpMethod.GET, "/api/tickets/*/attachments", "/api/tickets/*/attachments/*").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // operations reports: the page (the browser asks for the login) and the API
                        .requestMatchers("/reports/**", "/api/reports", "/api/reports/**").hasAnyAuthority(
                                Groups.authority(Groups.MANAGERS), Groups.authority(Groups.SUPERVISORS), Groups.authority(Groups.ADMIN))
                        // requesting a release starts release-delivery: the groups that may start it in Tasklist
                        .requestMatchers(HttpMethod.POST, "/api/releases").hasAnyAuthority(
                                Groups.authority(Groups.SUPPORT), Groups.authority(Groups.DEVELOPMENT),
                                Groups.authority(Groups.SUPERVISORS), Groups.authority(Groups.ADMIN))
                        // problem records (io.opsdesk.problem): every staff member reads (and gets suggestions, which
                        // fall to the staff rule below); support, developers and administrators record, describe, link
                        // and move them on
                        .requestMatchers(HttpMethod.POST, "/api/problems", "/api/problems/*/tickets",
                                "/api/problems/*/known-error", "/api/problems/*/fix").hasAnyAuthority(
                                Groups.authority(Groups.SUPPORT), Groups.authority(Groups.DEVELOPMENT), Groups.authority(Groups.ADMIN))
                        .requestMatchers(HttpMethod.PATCH, "/api/problems/*").hasAnyAuthority(
                                Groups.authority(Groups.SUPPORT), Groups.authority(Groups.DEVELOPMENT), Groups.authority(Groups.ADMIN))
                        // moving running tickets to a new process version (io.opsdesk.migration)
                        .requestMatchers("/api/processes/*/migrations").hasAnyAuthority(
                                Groups.authority(Groups.MANAGERS), Groups.authority(Groups.ADMIN))
                        // loading a year's official holiday notice into an SLA calendar (io.opsdesk.sla); GET: staff
                        .requestMatchers(HttpMethod.PUT, "/api/calendars/*/holidays/*").hasAnyAuthority(
                                Groups.authority(Groups.MANAGERS), Groups.authority(Groups.ADMIN))
                        // organisations and customers with their SLA tier (io.opsdesk.customer): staff read (API and the
                        // page /staff/organisations); supervisors, managers and administrators write
                        .requestMatchers(HttpMethod.GET, "/api/organisations", "/api/organisations/**", "/api/customers",
                                "/api/customers/*").hasAnyAuthority(Groups.staffAuthorities())
                        .requestMatchers("/api/organisations", "/api/organisations/*", "/api/customers", "/api/customers/*")
                                .hasAnyAuthority(Groups.authority(Groups.SUPERVISORS), Groups.authority(Groups.MANAGERS),
                                        Groups.authority(Groups.ADMIN))
                        // the API's description and Swagger UI (io.opsdesk.web.ApiDocumentation) list staff operations
                        // and their fields: staff only, as the rest of this chain; customers have docs/api.md
                        // automatic assignment (io.opsdesk.assignment): supervisors set a group's strategy; supervisors
                        // and managers see who is away; every staff member reads strategies and sets their own away mark
                        .requestMatchers(HttpMethod.PUT, "/api/assignment/groups/*").hasAnyAuthority(
                                Groups.authority(Groups.SUPERVISORS), Groups.authority(Groups.ADMIN))
                        .requestMatchers(HttpMethod.GET, "/api/assignment/away").hasAnyAuthority(
                                Groups.authority(Groups.SUPERVISORS), Groups.authority(Groups.MANAGERS), Groups.authority(Groups.ADMIN))
                        .anyRequest().hasAnyAuthority(Groups.staffAuthorities()))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless: no cookie is ever set or read on these paths, so there is nothing to forge
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * No observation (trace span and timer) per security filter, authentication and authorization: every request
     * paid for some fifteen of them, 6 % of the intake's CPU (docs/performance.md); nothing here reads them. The
     * requests' own timers ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** HTTP Basic against Camunda's users for {@code /engine-rest}: 401 without it. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addUrlPatterns(ENGINE_REST);
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }

    private static void writeProblem(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response,
                                     HttpStatus status, String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
