package io.opsdesk.attachment;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code opsdesk.attachments}: the largest file accepted and the content types accepted. Spring's
 * multipart limits ({@code spring.servlet.multipart.*}) must be at least as large.
 */
@ConfigurationProperties("opsdesk.attachments")
record AttachmentProperties(
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue({"application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/zip"}) List<String> allowedTypes) {
}
