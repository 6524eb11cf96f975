package com.mediscan.chat.ui;

import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Attach file}: Vaadin's upload with its progress bar, sending each file to the
 * attachment service, which checks it; a refusal is shown beside the file and in the chat.
 * <p>
 * A file sent again after a dropped connection is the same bytes to the same consultation, so its
 * client key is derived from them: the retry finds what the first attempt stored.
 */
class AttachFileButton extends Upload {

    static final String NOT_SENT = "The file was not sent. Please try again.";
    /** What the browser shows beside a file whose upload got no answer: the connection dropped, before or after the file arrived. */
    static final String CONNECTION_LOST = "The connection dropped before the file was confirmed. "
            + "Press Retry once you are back online; it will not be stored twice.";
    static final String ARRIVED_INCOMPLETE = "did not arrive whole because the connection dropped, so nothing of it was stored. "
            + "Send it again once you are back online.";
    private static final Logger log = LoggerFactory.getLogger(AttachFileButton.class);

    final Button button = new Button("Attach file", VaadinIcon.PAPERCLIP.create());
    private final long appointmentId;
    private final long senderAccountId;
    private final AttachmentService attachments;
    private final long maxFileSize;
    private final Consumer<AttachmentEntry> onStored;
    private final Consumer<String> onRefused;

    AttachFileButton(long appointmentId, long senderAccountId, AttachmentService attachments, long maxFileSize,
                     Consumer<AttachmentEntry> onStored, Consumer<String> onRefused) {
        this.appointmentId = appointmentId;
        this.senderAccountId = senderAccountId;
        this.attachments = attachments;
        this.maxFileSize = maxFileSize;
        this.onStored = onStored;
        this.onRefused = onRefused;
        addClassName("chat-attach");
        button.setTooltipText("Attach a photo (JPEG, PNG, WebP) or a PDF, up to " + maxFileSize / (1024 * 1024) + " MB");
        setUploadButton(button);
        setDropAllowed(true);
        setMaxFileSize((int) maxFileSize);
        // A hint to the browser's file picker only; the server checks what each file contains.
        setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "application/pdf",
                ".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".pdf");
        setI18n(new UploadI18N().setUploading(new UploadI18N.Uploading()
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(CONNECTION_LOST))));
        setUploadHandler(this::receive);
        addFileRejectedListener(rejected -> onRefused.accept(rejected.getFileName() + ": " + rejected.getErrorMessage()));
    }

    void receive(UploadEvent upload) {
        String fileName = upload.getFileName();
        byte[] content;
        try (InputStream in = upload.getInputStream()) {
            // Never more than one byte past the limit in memory: the service refuses it with the sizes in words.
            content = in.readNBytes((int) maxFileSize + 1);
        } catch (IOException dropped) {
            // The request body ended early: nothing reaches the service, so nothing is stored.
            log.info("Upload of a file to appointment {} broke off: {}", appointmentId, dropped.toString());
            inUi(upload.getUI(), () -> onRefused.accept("“" + fileName + "” " + ARRIVED_INCOMPLETE));
            return;
        }
        try {
            AttachmentEntry stored = attachments.send(appointmentId, keyFor(content), fileName, content);
            inUi(upload.getUI(), () -> onStored.accept(stored));
        } catch (BusinessRuleException | NotFoundOrDeniedException refused) {
            upload.reject(refused.getMessage());
            inUi(upload.getUI(), () -> onRefused.accept(refused.getMessage()));
        } catch (RuntimeException failure) {
            log.warn("Attachment for appointment {} could not be stored", appointmentId, failure);
            upload.reject(NOT_SENT);
            inUi(upload.getUI(), () -> onRefused.accept("“" + fileName + "”: " + NOT_SENT));
        }
    }

    private UUID keyFor(byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ByteBuffer.allocate(2 * Long.BYTES).putLong(appointmentId).putLong(senderAccountId).array());
            digest.update(content);
            return UUID.nameUUIDFromBytes(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void inUi(UI ui, Runnable change) {
        try {
            ui.access(change::run);
        } catch (UIDetachedException closed) {
            // The page is gone; the file is stored and the next visit lists it.
        }
    }
}
