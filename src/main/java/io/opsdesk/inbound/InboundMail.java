package io.opsdesk.inbound;

import java.util.List;

import io.opsdesk.attachment.NewAttachment;

/**
 * One received mail as OpsDesk needs it, already cleaned: one-line subject and sender name, the text of
 * the body, and why it is an automatic mail (null for a person's mail). {@code threadIds}: the Message-IDs it
 * answers, {@code In-Reply-To} first, then {@code References} from the newest.
 */
record InboundMail(String messageId, String senderName, String senderEmail, String subject, String text,
                   String automaticReason, List<NewAttachment> attachments, List<String> threadIds) {
}
