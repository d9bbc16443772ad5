package io.opsdesk.attachment;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How every download of an attachment is answered, from the API and from the portal alike. */
public final class AttachmentResponses {

    private AttachmentResponses() {
    }

    /** Always a download with the stored safe type, never rendered inline, never cached. */
    public static ResponseEntity<byte[]> download(Attachment attachment) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(attachment.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(attachment.info().fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(attachment.content());
    }

    /**
     * {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 5987):
     * always a download, never rendered inline, with the real name for every current browser.
     */
    static String contentDisposition(String fileName) {
        StringBuilder fallback = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        fileName.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
