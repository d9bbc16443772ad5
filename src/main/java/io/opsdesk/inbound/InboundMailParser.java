package io.opsdesk.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;

import io.opsdesk.attachment.NewAttachment;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** Turns a received MIME message into an {@link InboundMail}; nothing from it reaches a header unchecked. */
final class InboundMailParser {

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");
    private static final Set<String> SYSTEM_SENDERS = Set.of("mailer-daemon", "postmaster");

    private InboundMailParser() {
    }

    static InboundMail parse(MimeMessage message) throws MessagingException, IOException {
        InternetAddress from = sender(message);
        String email = from == null ? null : from.getAddress();
        String name = from == null ? null : oneLine(from.getPersonal());
        if (email != null && (name == null || name.isBlank())) {
            name = email.substring(0, email.indexOf('@'));
        }
        Body body = new Body();
        collect(message, body);
        String text = body.plain != null ? body.plain : body.html != null ? htmlToText(body.html) : "";
        return new InboundMail(messageId(message), truncate(name, 100), email, subject(message),
                text.replace("\r\n", "\n").strip(), automaticReason(message, email), body.attachments,
                ThreadIds.of(header(message, "In-Reply-To"), header(message, "References")));
    }

    /** Why this mail was written by a machine (auto-reply, bounce, list), or null if by a person. */
    static String automaticReason(MimeMessage message, String senderEmail) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.split(";", 2)[0].strip().equalsIgnoreCase("no")) {
            return "Auto-Submitted: " + autoSubmitted;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return "Precedence: " + precedence;
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond")) {
            if (header(message, name) != null) {
                return name;
            }
        }
        String returnPath = header(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return "empty Return-Path";
        }
        if (senderEmail == null) {
            return "no sender address";
        }
        String local = senderEmail.substring(0, senderEmail.indexOf('@')).toLowerCase(Locale.ROOT);
        if (SYSTEM_SENDERS.contains(local)) {
            return "sender " + senderEmail;
        }
        if (message.isMimeType("multipart/report")) {
            return "Content-Type: multipart/report";
        }
        return null;
    }

    /** One line, no control characters (so it can never inject a header into a mail we send), collapsed spaces. */
    static String oneLine(String text) {
        return text == null ? null : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll("\\s{2,}", " ").strip();
    }

    /** The decoded subject with every line break (also encoded ones) turned into a space. */
    private static String subject(MimeMessage message) throws MessagingException {
        String raw = message.getHeader("Subject", null);
        if (raw == null) {
            return null;
        }
        try {
            return oneLine(MimeUtility.decodeText(MimeUtility.unfold(raw)));
        } catch (java.io.UnsupportedEncodingException e) {
            return oneLine(message.getSubject());
        }
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (AddressException e) {
            return null;
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return null;
        }
        try {
            address.validate();
        } catch (AddressException e) {
            return null;
        }
        String email = address.getAddress();
        if (email == null || email.length() > 254 || email.indexOf('@') < 1 || !email.equals(oneLine(email))) {
            return null;
        }
        return address;
    }

    private static String messageId(MimeMessage message) throws MessagingException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank() && id.length() <= 500) {
            return oneLine(id);
        }
        // no usable Message-ID: one from what identifies the mail, so a second poll still recognises it
        String identity = header(message, "From") + "|" + header(message, "Date") + "|" + header(message, "Subject");
        try {
            return "<sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8))) + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? null : value.strip();
    }

    private static final class Body {
        String plain;
        String html;
        final List<NewAttachment> attachments = new ArrayList<>();
    }

    private static void collect(Part part, Body body) throws MessagingException, IOException {
        String fileName = fileName(part);
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || (fileName != null && !part.isMimeType("multipart/*"))) {
            try (InputStream in = part.getInputStream()) {
                body.attachments.add(new NewAttachment(fileName == null ? "attachment" : fileName,
                        part.getContentType(), in.readAllBytes()));
            }
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), body);
            }
        } else if (part.isMimeType("message/rfc822")) {
            // a forwarded mail: its text counts as body text only if there is nothing else
            if (part.getContent() instanceof Part inner) {
                collect(inner, body);
            }
        } else if (part.isMimeType("text/plain") && body.plain == null) {
            body.plain = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && body.html == null) {
            body.html = String.valueOf(part.getContent());
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return name;
        }
    }

    /** HTML as readable text: line breaks for blocks and {@code <br>}, no markup, no scripts. */
    static String htmlToText(String html) {
        org.jsoup.nodes.Document document = Jsoup.parse(html);
        document.select("script, style, head").remove();
        document.outputSettings(new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
        document.select("br").after("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6").before("\\n");
        String text = Jsoup.clean(document.body().html(), "", org.jsoup.safety.Safelist.none(),
                new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
        return org.jsoup.parser.Parser.unescapeEntities(text.replace("\\n", "\n"), false)
                .replaceAll("[ \\t]+", " ").replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
