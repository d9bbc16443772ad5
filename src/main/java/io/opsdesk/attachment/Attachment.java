package io.opsdesk.attachment;

/** An attachment with its bytes, for download; {@code contentType} is already the safe one to serve. */
public record Attachment(AttachmentInfo info, String contentType, byte[] content) {
}
