package com.mediscan.attachment.ui;

import com.mediscan.attachment.service.AttachmentFile;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.base.NotFoundOrDeniedException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves attachment bytes to the signed-in participant. Access is checked (and audited) by the
 * service on every request, so an address works only for the consultation's doctor and patient;
 * anyone else, and any id that does not exist, gets the same 404. Spring Security has already
 * required a sign-in and adds {@code X-Content-Type-Options: nosniff} and the CSP to the response.
 */
@RestController
@RequestMapping("/attachments")
class AttachmentDownloadController {

    private final AttachmentService attachments;

    AttachmentDownloadController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/{attachmentId}")
    ResponseEntity<byte[]> file(@PathVariable long attachmentId, @RequestParam(name = "download", required = false) String download) {
        boolean asDownload = download != null;
        AttachmentFile file = attachments.content(attachmentId, asDownload);
        return served(file, asDownload ? ContentDisposition.attachment() : ContentDisposition.inline());
    }

    @GetMapping("/{attachmentId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long attachmentId) {
        return served(attachments.thumbnail(attachmentId), ContentDisposition.inline());
    }

    @ExceptionHandler(NotFoundOrDeniedException.class)
    ResponseEntity<String> notFound(NotFoundOrDeniedException refused) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue()).body(refused.getMessage());
    }

    private static ResponseEntity<byte[]> served(AttachmentFile file, ContentDisposition.Builder disposition) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                // Patient data: kept in no shared cache, and in the browser's only for this page's life.
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(file.content());
    }
}
