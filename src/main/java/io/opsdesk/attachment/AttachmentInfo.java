package io.opsdesk.attachment;

import java.time.Instant;

import io.opsdesk.ticket.Visibility;

/** An attachment without its bytes, as lists show it. */
public record AttachmentInfo(long id, String fileName, String contentType, long size, String sha256,
                             String uploader, Instant createdAt, Visibility visibility) {
}
