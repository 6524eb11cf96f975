package com.mediscan.attachment.ui;

import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java side of {@code <mediscan-photo>} (frontend/mediscan-photo.ts): receives the photo the
 * element posts to its upload target and stores it through the attachment service, which checks
 * it like any attached file. The element chose the photo's key when it was taken; a resend of the
 * same photo finds what the first attempt stored.
 */
@Tag("mediscan-photo")
@JsModule("./mediscan-photo.ts")
public class PhotoCapture extends Component {

    static final String NOT_SENT = "The photo was not sent. Please press Send photo again.";
    private static final Logger log = LoggerFactory.getLogger(PhotoCapture.class);

    private final long appointmentId;
    private final AttachmentService attachments;
    private final long maxFileSize;
    private final Runnable onSent;
    private final Consumer<String> onCameraFailed;

    PhotoCapture(long appointmentId, AttachmentService attachments, long maxFileSize, Runnable onSent,
                 Consumer<String> onCameraFailed) {
        this.appointmentId = appointmentId;
        this.attachments = attachments;
        this.maxFileSize = maxFileSize;
        this.onSent = onSent;
        this.onCameraFailed = onCameraFailed;
        getElement().setAttribute("upload-target", (UploadHandler) this::receive);
    }

    void receive(UploadEvent upload) throws IOException {
        byte[] content;
        try (InputStream in = upload.getInputStream()) {
            content = in.readNBytes((int) maxFileSize + 1);
        }
        UI ui = upload.getUI();
        UUID key;
        try {
            key = UUID.fromString(String.valueOf(upload.getRequest().getHeader("X-Photo-Key")));
        } catch (IllegalArgumentException missing) {
            upload.reject(NOT_SENT);
            inUi(ui, () -> refused(NOT_SENT));
            return;
        }
        try {
            attachments.send(appointmentId, key, upload.getFileName(), content);
            inUi(ui, this::sent);
        } catch (BusinessRuleException | NotFoundOrDeniedException refusal) {
            upload.reject(refusal.getMessage());
            inUi(ui, () -> refused(refusal.getMessage()));
        } catch (RuntimeException failure) {
            log.warn("Photo for appointment {} could not be stored", appointmentId, failure);
            upload.reject(NOT_SENT);
            inUi(ui, () -> refused(NOT_SENT));
        }
    }

    @ClientCallable
    void cameraFailed(String message) {
        onCameraFailed.accept(message);
    }

    private void sent() {
        getElement().callJsFunction("sent");
        onSent.run();
    }

    private void refused(String message) {
        getElement().callJsFunction("refused", message);
    }

    private static void inUi(UI ui, Runnable change) {
        try {
            ui.access(change::run);
        } catch (UIDetachedException closed) {
            // The page is gone; a stored photo shows in the chat of the next visit.
        }
    }
}
