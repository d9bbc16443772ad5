package io.opsdesk.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsdesk.mail.inbound}: the IMAP mailbox customers write to. Off unless {@code enabled}; the
 * password comes from the environment ({@code OPSDESK_MAIL_INBOUND_PASSWORD}).
 */
@ConfigurationProperties("opsdesk.mail.inbound")
record InboundMailProperties(
        boolean enabled,
        @DefaultValue("imaps") String protocol,
        String host,
        Integer port,
        String username,
        String password,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("PT1M") Duration pollInterval,
        @DefaultValue("PT30S") Duration timeout) {

    InboundMailProperties {
        if (!"imap".equals(protocol) && !"imaps".equals(protocol)) {
            throw new IllegalArgumentException("opsdesk.mail.inbound.protocol must be imap or imaps, not " + protocol);
        }
        if (enabled && (host == null || host.isBlank() || username == null || username.isBlank())) {
            throw new IllegalArgumentException("opsdesk.mail.inbound.enabled=true needs opsdesk.mail.inbound.host and .username");
        }
    }

    /** Where the poller reads, for logs: never the password. */
    String mailbox() {
        return protocol + "://" + username + "@" + host + (port == null ? "" : ":" + port) + "/" + folder;
    }
}
