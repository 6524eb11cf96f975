package com.mediscan.prescription.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.attachment.AttachmentSamples;
import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentLinks;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.chat.ChatTestAppointments;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.SecurityTestSupport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The record's "Photos and files": what the doctor added, for doctor and patient; nothing else of the chat. */
class RecordAttachmentsTest extends KaribuTest {

    @Autowired
    AttachmentService attachments;
    @Autowired
    UserDetailsService users;

    private ChatTestAppointments testAppointments;
    private Appointment appointment;
    private AttachmentEntry photo;
    private AttachmentEntry report;
    private AttachmentEntry notAdded;

    @BeforeEach
    void consultationWithFiles() {
        testAppointments = new ChatTestAppointments(applicationContext);
        appointment = testAppointments.scheduled(DemoUsers.RAJESH, DemoUsers.KRIYA);
        SecurityTestSupport.actAs(users, DemoUsers.KRIYA);
        photo = attachments.send(appointment.getId(), UUID.randomUUID(), "rash.jpg", AttachmentSamples.jpeg(640, 480));
        report = attachments.send(appointment.getId(), UUID.randomUUID(), "lab report.pdf", AttachmentSamples.pdf());
        notAdded = attachments.send(appointment.getId(), UUID.randomUUID(), "blurry.jpg", AttachmentSamples.jpeg(100, 100));
        SecurityTestSupport.actAs(users, DemoUsers.RAJESH);
        attachments.addToRecord(photo.id());
        attachments.addToRecord(report.id());
        SecurityTestSupport.signOut();
    }

    @AfterEach
    void cleanUp() {
        testAppointments.removeCreated();
    }

    @Test
    void thePatientFindsTheAddedPhotoAndFileInTheRecord() {
        signIn(DemoUsers.KRIYA);
        UI.getCurrent().navigate("records/" + appointment.getId());
        ConsultationRecordView view = _get(ConsultationRecordView.class);

        assertThat(view.recordAttachments.shown).extracting(AttachmentEntry::id).containsExactly(photo.id(), report.id());
        assertThat(_find(view.recordAttachments, Image.class)).singleElement()
                .satisfies(image -> assertThat(image.getSrc()).isEqualTo(AttachmentLinks.thumbnail(photo.id())));
        assertThat(_find(view.recordAttachments, Anchor.class)).extracting(Anchor::getHref)
                .contains(AttachmentLinks.view(photo.id()), AttachmentLinks.download(photo.id()),
                        AttachmentLinks.view(report.id()), AttachmentLinks.download(report.id()))
                .doesNotContain(AttachmentLinks.view(notAdded.id()));
        assertThat(_find(view.recordAttachments, Anchor.class)).extracting(Anchor::getText).contains("Open lab report.pdf");
    }

    @Test
    void theDoctorSeesTheSame() {
        signIn(DemoUsers.RAJESH);
        UI.getCurrent().navigate("records/" + appointment.getId());
        ConsultationRecordView view = _get(ConsultationRecordView.class);
        assertThat(view.recordAttachments.shown).extracting(AttachmentEntry::fileName).containsExactly("rash.jpg", "lab report.pdf");
    }
}
