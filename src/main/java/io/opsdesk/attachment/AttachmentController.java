package io.opsdesk.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.opsdesk.identity.Groups;
import io.opsdesk.ticket.TextRules;
import io.opsdesk.ticket.TicketKeys;
import io.opsdesk.ticket.TicketNotFoundException;
import io.opsdesk.ticket.Visibility;
import io.opsdesk.web.ApiException;

/** Attachments of a ticket: staff upload, staff and the customer (token) list and download. */
@RestController
@RequestMapping("/api/tickets/{key}/attachments")
class AttachmentController {

    private static final String TOKEN_HEADER = "X-Tracking-Token";

    private final AttachmentService service;

    AttachmentController(AttachmentService service) {
        this.service = service;
    }

    // produces: a caller that accepts no JSON is refused (406) before the file is stored, not after
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AttachmentInfo> upload(@PathVariable String key, @RequestParam(name = "file", required = false) MultipartFile file,
                                          @RequestParam(name = "visibility", defaultValue = "PUBLIC") Visibility visibility,
                                          Authentication authentication) {
        if (file == null) {
            throw ApiException.invalid("file", "a file is required (multipart field 'file')");
        }
        String nameProblem = TextRules.problem(file.getOriginalFilename(), TextRules.Kind.FILE_NAME);
        if (nameProblem != null) {
            throw ApiException.invalid("file", "the file name " + nameProblem);
        }
        service.checkSize(file.getSize());
        AttachmentInfo info = service.add(TicketKeys.requireValid(key), new NewAttachment(file.getOriginalFilename(), file.getContentType(),
                bytes(file)), authentication.getName(), visibility);
        return ResponseEntity.created(URI.create("/api/tickets/" + key + "/attachments/" + info.id())).body(info);
    }

    @GetMapping
    List<AttachmentInfo> list(@PathVariable String key, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                              Authentication authentication) {
        return service.list(TicketKeys.requireValid(key), token, Groups.isStaff(authentication));
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@PathVariable String key, @PathVariable String id,
                                    @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                    Authentication authentication) {
        if (!id.matches("\\d{1,18}")) {
            throw new TicketNotFoundException(key);
        }
        Attachment attachment = service.download(TicketKeys.requireValid(key), Long.parseLong(id), token, Groups.isStaff(authentication));
        return AttachmentResponses.download(attachment);
    }


    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
