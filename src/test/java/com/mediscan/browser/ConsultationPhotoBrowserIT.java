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
import com.mediscan.support.TestAppointments;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import java.util.Map;
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
    void thePatientSendsAFullSizePhotoTheDoctorAddsItToTheRecordAndThePatientFindsItInMyRecords() {
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
}
