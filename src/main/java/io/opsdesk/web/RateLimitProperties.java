package io.opsdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsdesk.rate-limit.*}: how many tickets one client address may create ({@code capacity}) per
 * {@code period}; {@code enabled: false} switches the limit off.
 */
@ConfigurationProperties("opsdesk.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("10") int capacity,
                                  @DefaultValue("PT1M") Duration period) {
}
