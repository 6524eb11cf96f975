package com.mediscan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.mediscan.support.CallPages.button;
import static com.mediscan.support.CallPages.connected;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.attachment.AttachmentSamples;
import com.mediscan.attachment.domain.Attachment;
import com.mediscan.attachment.domain.AttachmentRepository;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.CallPages;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.PdfReading;
import com.mediscan.support.TestAppointments;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Photos and files in a real call in Chromium with the fake camera: the doctor asks for a photo,
 * the patient takes it at the camera's full size while the call runs on, retakes and sends it,
 * the doctor opens it and adds it to the record, and the patient finds it in My Records. And a
 * file that only pretends to be a photo is refused with a clear message.
 */
class ConsultationPhotoBrowserIT extends BrowserTest {

    private static final String CALL_CAMERA_WIDTH =
            "() => document.querySelector('mediscan-call')?.peerConnection?.getSenders()"
                    + ".find(sender => sender.track?.kind === 'video')?.track.getSettings().width ?? 0";

    @Autowired
    ApplicationContext context;
    @Autowired
    AttachmentRepository attachments;

    private Appointment appointment;

    @BeforeEach
    void newAppointment() {
        appointment = TestAppointments.joinableNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
    }

    private Page join(String email, String password) {
        Page page = signedIn(email, password);
        page.navigate(url("/video-consultation/" + appointment.getId()));
        CallPages.checkInIfAsked(page, DemoUsers.KRIYA_DATE_OF_BIRTH);
        button(page, "Join now").click();
        assertThat(button(page, "End call")).isVisible();
        return page;
    }

    @Test
    void thePatientSendsAFullSizePhotoTheDoctorAddsItToTheRecordAndThePatientFindsItInMyRecords() throws Exception {
        Page patient = join(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        Page doctor = join(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        connected(doctor, patient);

        button(doctor, "Request a photo").click();
        Locator prompt = patient.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Photo request"));
        assertThat(prompt).containsText("Dr. Rajesh Patel asks you for a photo.");
        prompt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open camera")).click();

        Locator camera = patient.locator("mediscan-photo");
        assertThat(camera.locator(".size")).containsText("Camera: ");
        button(patient, "Capture").click();
        assertThat(button(patient, "Send photo")).isVisible();
        button(patient, "Retake").click();
        assertThat(button(patient, "Send photo")).isHidden();
        assertThat(camera.locator(".size")).containsText("Camera: ");
        button(patient, "Capture").click();
        assertThat(button(patient, "Send photo")).isVisible();
        @SuppressWarnings("unchecked")
        Map<String, Object> taken = (Map<String, Object>) camera.evaluate("element => element.taken");
        int callCameraWidth = ((Number) patient.evaluate(CALL_CAMERA_WIDTH)).intValue();
        System.out.println("[photo] taken " + taken + "; the call sends its camera at width " + callCameraWidth);
        int photoWidth = ((Number) taken.get("width")).intValue();
        org.assertj.core.api.Assertions.assertThat(photoWidth).as("the still is at least as large as the call's video")
                .isGreaterThanOrEqualTo(callCameraWidth);
        button(patient, "Send photo").click();
        assertThat(patient.getByText("Photo sent. It is in the chat.")).isVisible();
        assertThat(patient.locator("mediscan-photo")).hasCount(0);
        connected(doctor, patient);

        List<Attachment> stored = attachments.findConversation(appointment.getId());
        org.assertj.core.api.Assertions.assertThat(stored).singleElement().satisfies(photo -> {
            org.assertj.core.api.Assertions.assertThat(photo.getImageWidth()).isEqualTo(photoWidth);
            org.assertj.core.api.Assertions.assertThat(photo.getImageHeight()).isEqualTo(((Number) taken.get("height")).intValue());
        });
        String fileName = stored.getFirst().getFileName();

        button(doctor, "Toggle chat").click();
        Locator photoMessage = doctor.locator("vaadin-message").filter(new Locator.FilterOptions().setHasText(fileName));
        assertThat(photoMessage).hasCount(1);
        Locator thumbnail = photoMessage.locator("img[part='attachment-preview']");
        assertThat(thumbnail).isVisible();
        doctor.waitForFunction("image => image.complete && image.naturalWidth > 0", thumbnail.elementHandle());
        thumbnail.click();
        Locator viewer = doctor.getByRole(AriaRole.DIALOG);
        assertThat(viewer.locator("img.attachment-full")).isVisible();
        doctor.waitForFunction("image => image.complete && image.naturalWidth === " + photoWidth,
                viewer.locator("img.attachment-full").elementHandle());
        button(doctor, "Add to record").click();
        assertThat(viewer.getByText("In the consultation record.")).isVisible();
        assertThat(patient.getByText("Dr. Rajesh Patel added “" + fileName + "” to your record.").first()).isVisible();
        button(doctor, "Close").click();

        button(doctor, "End call").click();
        assertThat(patient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call ended"))).isVisible();
        patient.navigate(url("/records"));
        patient.locator("a[href$='records/" + appointment.getId() + "']").first().click();
        Locator section = patient.locator(".record-attachments");
        assertThat(section).containsText(fileName);
        Locator preview = section.locator("img");
        assertThat(preview).isVisible();
        patient.waitForFunction("image => image.complete && image.naturalWidth > 0", preview.elementHandle());

        Download summary = patient.waitForDownload(() -> patient.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download summary (PDF)")).click());
        org.assertj.core.api.Assertions.assertThat(summary.suggestedFilename()).isEqualTo("visit-summary-" + appointment.getId() + ".pdf");
        byte[] pdf = Files.readAllBytes(summary.path());
        org.assertj.core.api.Assertions.assertThat(PdfReading.text(pdf)).contains("After-visit summary", fileName);
        org.assertj.core.api.Assertions.assertThat(PdfReading.images(pdf)).as("the photo itself, full size").singleElement()
                .satisfies(image -> org.assertj.core.api.Assertions.assertThat(image.width()).isEqualTo(photoWidth));
    }

    @Test
    void aWebPageNamedXJpgIsRefusedWithAClearMessageAndARealPhotoIsSent() {
        Page patient = join(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        button(patient, "Toggle chat").click();

        patient.waitForFileChooser(() -> button(patient, "Attach file").click())
                .setFiles(new FilePayload("x.jpg", "image/jpeg", AttachmentSamples.html()));
        Locator refusal = patient.locator(".chat-send-error");
        assertThat(refusal).hasText("“x.jpg” is not a JPEG, PNG or WebP photo or a PDF "
                + "(MediScan checks what the file contains, not its name), so it was not sent.");
        org.assertj.core.api.Assertions.assertThat(attachments.findConversation(appointment.getId())).isEmpty();

        patient.waitForFileChooser(() -> button(patient, "Attach file").click())
                .setFiles(new FilePayload("ecg.png", "image/png", AttachmentSamples.png(900, 600)));
        Locator message = patient.locator("vaadin-message").filter(new Locator.FilterOptions().setHasText("ecg.png"));
        assertThat(message).hasCount(1);
        patient.waitForFunction("image => image.complete && image.naturalWidth > 0", message.locator("img[part='attachment-preview']").elementHandle());
    }

    /**
     * The network drops while the patient's file is on its way: the server gets half of it and the
     * browser loses its connection. The patient is told, nothing of the file is stored or shown to the
     * doctor, and Retry after the reconnect stores it once, whole.
     */
    @Test
    void aConnectionDroppedMidUploadStoresNothingAndRetryAfterTheReconnectStoresTheFileOnce() throws Exception {
        Page patient = join(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        Page doctor = join(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        button(patient, "Toggle chat").click();
        button(doctor, "Toggle chat").click();
        byte[] report = AttachmentSamples.scannedPdf();
        AtomicInteger cutOff = new AtomicInteger();
        patient.route(isUploadOf(patient), route -> {
            // Half the file reaches the server over a real connection that then breaks off.
            cutOff.set(sendBrokenOff(route.request(), patient, report, report.length / 2));
            patient.context().setOffline(true);
            route.abort("internetdisconnected");
        });

        patient.waitForFileChooser(() -> button(patient, "Attach file").click())
                .setFiles(new FilePayload("lab report.pdf", "application/pdf", report));

        Locator upload = patient.locator("vaadin-upload.chat-attach vaadin-upload-file");
        assertThat(upload.getByText(CONNECTION_LOST)).isVisible();
        org.assertj.core.api.Assertions.assertThat(cutOff.get()).as("the server had received part of the file")
                .isBetween(1, report.length - 1);
        org.assertj.core.api.Assertions.assertThat(attachments.findConversation(appointment.getId())).as("nothing half-stored").isEmpty();
        assertThat(fileMessages(doctor, "lab report")).hasCount(0);

        patient.context().setOffline(false);
        patient.unrouteAll();
        assertThat(patient.locator(".chat-send-error"))
                .hasText("“lab report.pdf” did not arrive whole because the connection dropped, so nothing of it was stored. "
                        + "Send it again once you are back online.");
        upload.locator("[part='retry-button']").click();

        assertThat(fileMessages(patient, "lab report")).hasCount(1);
        assertThat(fileMessages(doctor, "lab report")).hasCount(1);
        assertThat(patient.locator(".chat-send-error")).isHidden();
        assertStoredOnceWhole(report);
    }

    /**
     * The file arrives and is stored, but the connection drops before the answer reaches the
     * patient's browser: the patient is told it was not confirmed, and sending it again after the
     * reconnect still leaves one file, for both.
     */
    @Test
    void aFileStoredJustBeforeTheConnectionDroppedIsStoredOnceWhenSentAgain() throws Exception {
        Page patient = join(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        Page doctor = join(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        button(patient, "Toggle chat").click();
        button(doctor, "Toggle chat").click();
        byte[] report = AttachmentSamples.scannedPdf();
        patient.route(isUploadOf(patient), route -> {
            APIResponse answer = route.fetch(new Route.FetchOptions().setPostData(report));
            org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(200);
            patient.context().setOffline(true);
            route.abort("internetdisconnected");
        });

        patient.waitForFileChooser(() -> button(patient, "Attach file").click())
                .setFiles(new FilePayload("lab report.pdf", "application/pdf", report));
        assertThat(patient.locator("vaadin-upload.chat-attach vaadin-upload-file").getByText(CONNECTION_LOST)).isVisible();
        assertThat(fileMessages(doctor, "lab report")).hasCount(1);

        patient.context().setOffline(false);
        patient.unrouteAll();
        patient.waitForFileChooser(() -> button(patient, "Attach file").click())
                .setFiles(new FilePayload("lab report.pdf", "application/pdf", report));

        assertThat(patient.locator("vaadin-upload.chat-attach vaadin-upload-file[complete]")).hasCount(1);
        assertThat(fileMessages(patient, "lab report")).hasCount(1);
        assertThat(fileMessages(doctor, "lab report")).hasCount(1);
        assertStoredOnceWhole(report);
    }

    private static final String CONNECTION_LOST = "The connection dropped before the file was confirmed. "
            + "Press Retry once you are back online; it will not be stored twice.";

    private static Locator fileMessages(Page page, String name) {
        return page.locator("vaadin-message").filter(new Locator.FilterOptions().setHasText(name));
    }

    private void assertStoredOnceWhole(byte[] sent) throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent));
        org.assertj.core.api.Assertions.assertThat(attachments.findConversation(appointment.getId())).singleElement()
                .satisfies(stored -> {
                    org.assertj.core.api.Assertions.assertThat(stored.getSha256()).isEqualTo(sha256);
                    org.assertj.core.api.Assertions.assertThat(stored.getSizeBytes()).isEqualTo(sent.length);
                });
    }

    /** The chat's file upload requests of this page (its target is the Attach file upload's). */
    private static java.util.function.Predicate<String> isUploadOf(Page page) {
        String target = page.locator("vaadin-upload.chat-attach").getAttribute("target");
        return url -> url.endsWith(target);
    }

    /**
     * Sends the browser's upload request to the server over a socket of its own, with the whole
     * file's length announced but only the first {@code bytes} of it, then breaks the connection
     * off; waits until the server has closed its side. Returns the bytes sent.
     */
    private int sendBrokenOff(Request request, Page page, byte[] body, int bytes) {
        URI uri = URI.create(request.url());
        StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n");
        request.headers().forEach((name, value) -> {
            if (!List.of("host", "content-length", "connection", "cookie").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        String cookies = page.context().cookies(request.url()).stream().map(cookie -> cookie.name + "=" + cookie.value)
                .collect(java.util.stream.Collectors.joining("; "));
        head.append("Cookie: ").append(cookies).append("\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, bytes);
            out.flush();
            socket.shutdownOutput();
            socket.getInputStream().readAllBytes();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return bytes;
    }
}
