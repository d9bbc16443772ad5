package io.opsdesk.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Throttles password guessing per client address, in front of every place a password is checked: HTTP Basic
 * on OpsDesk's API, {@code /engine-rest} and the actuator, and the webapps' login form. A request that brings
 * a password from an address with too many recent failures gets 429 with {@code Retry-After}, and its password
 * is not looked at. A 401 answer to a request that brought one counts as a failure.
 */
@Component
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    LoginThrottleFilter(@Value("${opsdesk.login-throttle.max-failures:10}") int maxFailures,
                        @Value("${opsdesk.login-throttle.window:PT5M}") Duration window, ObjectMapper json) {
        this.throttle = new LoginThrottle(maxFailures, window, Clock.systemUTC());
        this.json = json;
    }

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleRegistration() {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(this);
        registration.setName("opsdesk-login-throttle");
        // before Spring Security and Camunda's engine-rest authentication, which check the password
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!bringsPassword(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.blockedFor(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "too many failed logins from your address; try again in " + seconds + " s");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(address);
        }
    }

    private static boolean bringsPassword(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN) && path.contains("/login/");
    }
}
