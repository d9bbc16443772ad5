package io.opsdesk.attachment;

/** A file as it arrived (HTTP upload or mail part): name and type as the sender claims them. */
public record NewAttachment(String fileName, String declaredType, byte[] content) {
}
