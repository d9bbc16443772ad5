package io.opsdesk.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.domain.DomainException;
import io.opsdesk.domain.DomainException.Kind;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketNotFoundException;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.Visibility;

/**
 * Files on a ticket: checked (size, allowed type, content matching the type) before anything is
 * written, stored with their SHA-256, and announced on the timeline.
 */
@Service
public class AttachmentService {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentService.class);

    /** A file that passed every check, with the name and type it will be stored under. */
    public record Checked(String fileName, String contentType, byte[] content, String sha256) {
    }

    private final AttachmentRepository attachments;
    private final TicketService tickets;
    private final Tickets timeline;
    private final AttachmentProperties properties;

    AttachmentService(AttachmentRepository attachments, TicketService tickets, Tickets timeline,
                      AttachmentProperties properties) {
        this.attachments = attachments;
        this.tickets = tickets;
        this.timeline = timeline;
        this.properties = properties;
    }

    /** Throws a {@link DomainException} naming {@code file} when the file may not be stored; writes nothing. */
    public Checked check(NewAttachment file) {
        checkSize(file.content() == null ? 0 : file.content().length);
        String name = ContentTypes.safeFileName(file.fileName());
        String type = ContentTypes.resolve(file.declaredType(), name);
        if (!allowed(type)) {
            throw new DomainException(Kind.UNSUPPORTED_TYPE, "file",
                    "type " + type + " is not accepted; accepted are " + String.join(", ", properties.allowedTypes()));
        }
        String mismatch = ContentTypes.mismatch(type, file.content());
        if (mismatch != null) {
            throw new DomainException(Kind.UNSUPPORTED_TYPE, "file", "declared as " + type + " but " + mismatch);
        }
        return new Checked(name, type, file.content(), sha256(file.content()));
    }

    /** Refuses an empty file or one over {@code opsdesk.attachments.max-size} (413, with the limit). */
    public void checkSize(long size) {
        if (size == 0) {
            throw DomainException.invalid("file", "a non-empty file is required (multipart field 'file')");
        }
        if (size > properties.maxSize().toBytes()) {
            throw new DomainException(Kind.TOO_LARGE, "file",
                    "is " + human(size) + "; the limit is " + human(properties.maxSize().toBytes()));
        }
    }

    /** Stores a file on the ticket and adds a timeline entry (public for a public file). */
    @Transactional
    public AttachmentInfo add(String ticketKey, NewAttachment file, String uploader, Visibility visibility) {
        Ticket ticket = tickets.open(ticketKey, null, true);
        Checked checked = check(file);
        long id = attachments.insert(ticket.id(), checked.fileName(), checked.contentType(), checked.content(),
                checked.sha256(), uploader, io.opsdesk.engine.EngineTime.now(), visibility);
        timeline.note(ticketKey, uploader, "ATTACHMENT",
                "Attachment added: " + checked.fileName() + " (" + human(checked.content().length) + ")", visibility);
        LOG.info("Attachment {} ({}, {} bytes, sha256 {}) added to {} by {}", id, checked.contentType(),
                checked.content().length, checked.sha256(), ticketKey, uploader);
        return attachments.find(ticket.id(), id).orElseThrow();
    }

    /** Staff see every attachment, a customer with the ticket's token the public ones. */
    public List<AttachmentInfo> list(String ticketKey, String token, boolean staff) {
        Ticket ticket = tickets.open(ticketKey, token, staff);
        return attachments.list(ticket.id(), staff);
    }

    /** The public attachments of a ticket, for pages that already checked the customer's access. */
    public List<AttachmentInfo> publicAttachments(String ticketKey) {
        return attachments.list(tickets.open(ticketKey, null, true).id(), false);
    }

    /** One attachment with its bytes; an internal one or a wrong token answers "not found". */
    public Attachment download(String ticketKey, long id, String token, boolean staff) {
        Ticket ticket = tickets.open(ticketKey, token, staff);
        AttachmentInfo info = attachments.find(ticket.id(), id)
                .filter(a -> staff || a.visibility() == Visibility.PUBLIC)
                .orElseThrow(() -> new TicketNotFoundException(ticketKey));
        String served = allowed(info.contentType()) ? info.contentType() : ContentTypes.OCTET_STREAM;
        return new Attachment(info, served, attachments.content(id));
    }

    private boolean allowed(String type) {
        return properties.allowedTypes().stream().anyMatch(t -> t.equalsIgnoreCase(type));
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0).replace(".0 ", " ");
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024)).replace(".0 ", " ");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
