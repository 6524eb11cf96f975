package com.mediscan.attachment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.attachment.AttachmentSamples;
import com.mediscan.attachment.domain.AttachmentRepository;
import com.mediscan.chat.ChatTestAppointments;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.SecurityTestSupport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Take photo and Request a photo in the call, and the Java side of the camera element: the photo
 * it posts is stored through the attachment service, once per key, and refusals go back to it.
 * (The camera itself runs in the browser; ConsultationPhotoBrowserIT drives it.)
 */
class PhotoTakingTest extends KaribuTest {

    @Autowired
    PhotoTakingFactory photoTaking;
    @Autowired
    AttachmentRepository storedAttachments;
    @Autowired
    UserDetailsService users;

    private ChatTestAppointments testAppointments;
    private Appointment appointment;

    @BeforeEach
    void openConsultation() {
        testAppointments = new ChatTestAppointments(applicationContext);
        appointment = testAppointments.scheduled(DemoUsers.RAJESH, DemoUsers.KRIYA);
    }

    @AfterEach
    void removeConsultation() {
        testAppointments.removeCreated();
    }

    private PhotoTaking photosFor(String email, boolean doctor) {
        signIn(email);
        PhotoTaking photos = photoTaking.create(appointment.getId(), doctor);
        UI.getCurrent().add(photos, photos.button());
        return photos;
    }

    /** The element's POST of a taken photo, as the browser sends it: raw body, file name and key in headers. */
    private void post(PhotoCapture capture, UUID key, byte[] photo) throws Exception {
        MockHttpServletRequest http = new MockHttpServletRequest("POST", "/VAADIN/dynamic/resource/photo");
        http.setContent(photo);
        http.setContentType("image/jpeg");
        if (key != null) {
            http.addHeader("X-Photo-Key", key.toString());
        }
        var request = new VaadinServletRequest(http, (VaadinServletService) VaadinServletService.getCurrent());
        capture.receive(new UploadEvent(request, (VaadinResponse) null, VaadinSession.getCurrent(), "photo.jpg",
                photo.length, "image/jpeg", capture.getElement(), null));
    }

    private static void takePhoto(PhotoTaking patient) {
        _click(patient.takePhoto);
        MockVaadin.clientRoundtrip(false);
        assertThat(patient.capture.getUI()).as("the camera element is on the page").isPresent();
    }

    @Test
    void thePatientHasTakePhotoAndTheDoctorRequestAPhoto() {
        PhotoTaking patient = photosFor(DemoUsers.KRIYA, false);
        assertThat(patient.button().getAriaLabel()).hasValue("Take photo");
        assertThat(patient.button().getTooltip().getText()).isEqualTo("Take photo");

        PhotoTaking doctor = photosFor(DemoUsers.RAJESH, true);
        assertThat(doctor.button().getAriaLabel()).hasValue("Request a photo");
    }

    @Test
    void takePhotoOpensTheCameraDialogWithAnUploadTarget() {
        PhotoTaking patient = photosFor(DemoUsers.KRIYA, false);
        _click(patient.takePhoto);

        assertThat(patient.dialog.isOpened()).isTrue();
        assertThat(patient.capture.getElement().getTag()).isEqualTo("mediscan-photo");
        assertThat(patient.capture.getElement().getAttribute("upload-target")).isNotBlank();
    }

    @Test
    void thePatientSeesTheDoctorsRequestAsAPromptThatOpensTheCamera() {
        PhotoTaking patient = photosFor(DemoUsers.KRIYA, false);
        assertThat(patient.isVisible()).isFalse();

        Authentication kriya = SecurityContextHolder.getContext().getAuthentication();
        SecurityTestSupport.actAs(users, DemoUsers.RAJESH);
        photoTaking.create(appointment.getId(), true).requestPhoto();
        SecurityContextHolder.getContext().setAuthentication(kriya);
        MockVaadin.runUIQueue();

        assertThat(patient.isVisible()).isTrue();
        assertThat(patient.promptText.getText()).isEqualTo("Dr. Rajesh Patel asks you for a photo. ");
        _click(patient.openCamera);
        assertThat(patient.dialog.isOpened()).isTrue();
        assertThat(patient.isVisible()).isFalse();
    }

    @Test
    void aPostedPhotoIsStoredOnceHoweverOftenItIsSentAndTheDialogCloses() throws Exception {
        PhotoTaking patient = photosFor(DemoUsers.KRIYA, false);
        takePhoto(patient);
        PhotoCapture capture = patient.capture;
        UUID key = UUID.randomUUID();
        byte[] photo = AttachmentSamples.jpegWithGps(1920, 1080);

        // The second post is the element's resend after the first one's answer was lost on the way back.
        post(capture, key, photo);
        post(capture, key, photo);
        MockVaadin.runUIQueue();

        assertThat(storedAttachments.findConversation(appointment.getId())).singleElement().satisfies(stored -> {
            assertThat(stored.getClientKey()).isEqualTo(key);
            assertThat(stored.getImageWidth()).isEqualTo(1920);
        });
        assertThat(patient.dialog.isOpened()).isFalse();
    }

    @Test
    void aPhotoWithoutKeyOrContentIsRefusedAndNothingIsStored() throws Exception {
        PhotoTaking patient = photosFor(DemoUsers.KRIYA, false);
        takePhoto(patient);

        post(patient.capture, null, AttachmentSamples.jpeg(100, 100));
        post(patient.capture, UUID.randomUUID(), AttachmentSamples.html());
        MockVaadin.runUIQueue();

        assertThat(storedAttachments.findConversation(appointment.getId())).isEmpty();
        assertThat(patient.dialog.isOpened()).isTrue();
    }
}
