package com.mediscan.chat.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.attachment.AttachmentSamples;
import com.mediscan.attachment.domain.AttachmentRepository;
import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentLinks;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.chat.ChatTestAppointments;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.SecurityTestSupport;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.messages.MessageListItem;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Photos and files in the chat of Dr. Patel's consultation with Kriya: Attach file, the thumbnail
 * or chip in the list, the viewer, and Add to record. The other side acts through the service and
 * the real room bus, as the other browser would.
 */
class ChatAttachmentsTest extends KaribuTest {

    @Autowired
    ChatPanelFactory chatPanels;
    @Autowired
    AttachmentService attachments;
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

    private ChatPanel panelFor(String email) {
        signIn(email);
        ChatPanel panel = chatPanels.create(appointment.getId());
        UI.getCurrent().add(panel);
        return panel;
    }

    private <T> T as(String email, Supplier<T> action) {
        Authentication viewer = SecurityContextHolder.getContext().getAuthentication();
        SecurityTestSupport.actAs(users, email);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(viewer);
            MockVaadin.runUIQueue();
        }
    }

    private AttachmentEntry kriyaSendsPhoto() {
        return as(DemoUsers.KRIYA, () -> attachments.send(appointment.getId(), UUID.randomUUID(), "rash.jpg",
                AttachmentSamples.jpegWithGps(800, 600)));
    }

    private static List<MessageListItem> items(ChatPanel panel) {
        return panel.messages.getItems();
    }

    private static void clickAttachment(ChatPanel panel, int itemIndex) {
        ComponentUtil.fireEvent(panel.messages, new MessageList.AttachmentClickEvent(panel.messages, true, itemIndex, 0));
    }

    @Test
    void attachFileSendsThePhotoAndShowsItsThumbnail() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        assertThat(panel.attachFile.button.getText()).isEqualTo("Attach file");

        UploadKt._upload(panel.attachFile, "ecg.png", "image/png", AttachmentSamples.png(400, 300));
        MockVaadin.runUIQueue();

        var stored = storedAttachments.findConversation(appointment.getId());
        assertThat(stored).singleElement().satisfies(a -> assertThat(a.getFileName()).isEqualTo("ecg.png"));
        MessageListItem item = items(panel).getFirst();
        assertThat(item.getText()).startsWith("Photo · ecg.png · ");
        assertThat(item.getUserName()).isEqualTo("Dr. Rajesh Patel");
        assertThat(item.getAttachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.url()).isEqualTo(AttachmentLinks.thumbnail(stored.getFirst().getId()));
            assertThat(attachment.mimeType()).isEqualTo("image/jpeg");
        });
        assertThat(panel.sendError.isVisible()).isFalse();
        assertThat(panel.emptyNote.isVisible()).isFalse();
    }

    @Test
    void aPdfShowsAsAFileChipWithNameAndSize() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        UploadKt._upload(panel.attachFile, "lab report.pdf", "application/pdf", AttachmentSamples.pdf());
        MockVaadin.runUIQueue();

        MessageListItem item = items(panel).getFirst();
        assertThat(item.getText()).isEqualTo("PDF · lab report.pdf · 1 KB");
        assertThat(item.getAttachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo("lab report.pdf");
            assertThat(attachment.mimeType()).isEqualTo("application/pdf");
        });
    }

    @Test
    void aDisguisedHtmlFileIsRefusedWithAClearMessageAndNothingIsStored() {
        ChatPanel panel = panelFor(DemoUsers.KRIYA);
        UploadKt._upload(panel.attachFile, "x.jpg", "image/jpeg", AttachmentSamples.html());
        MockVaadin.runUIQueue();

        assertThat(storedAttachments.findConversation(appointment.getId())).isEmpty();
        assertThat(panel.sendError.isVisible()).isTrue();
        assertThat(panel.sendError.getText()).isEqualTo("“x.jpg” is not a JPEG, PNG or WebP photo or a PDF "
                + "(MediScan checks what the file contains, not its name), so it was not sent.");
        assertThat(items(panel)).isEmpty();
    }

    @Test
    void uploadingTheSameFileAgainAfterADroppedResponseStoresItOnce() {
        ChatPanel panel = panelFor(DemoUsers.KRIYA);
        byte[] photo = AttachmentSamples.jpeg(300, 200);
        UploadKt._upload(panel.attachFile, "rash.jpg", "image/jpeg", photo);
        UploadKt._upload(panel.attachFile, "rash.jpg", "image/jpeg", photo);
        MockVaadin.runUIQueue();

        assertThat(storedAttachments.findConversation(appointment.getId())).hasSize(1);
        assertThat(items(panel)).hasSize(1);
    }

    @Test
    void thePatientsPhotoArrivesThroughTheRoomAndOpensZoomableInTheViewer() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        AttachmentEntry sent = kriyaSendsPhoto();

        assertThat(items(panel)).singleElement().satisfies(item -> assertThat(item.getUserName()).isEqualTo("Kriya Mehta"));
        clickAttachment(panel, 0);

        AttachmentViewer viewer = panel.fileViewer;
        assertThat(viewer.isOpened()).isTrue();
        assertThat(viewer.image.getSrc()).isEqualTo(AttachmentLinks.view(sent.id()));
        assertThat(viewer.download.getHref()).isEqualTo(AttachmentLinks.download(sent.id()));
        assertThat(viewer.zoomPercent()).isEqualTo(100);
        _click(viewer.zoomIn);
        _click(viewer.zoomIn);
        assertThat(viewer.zoomPercent()).isEqualTo(200);
        assertThat(viewer.image.getStyle().get("width")).isEqualTo("200%");
        _click(viewer.zoomOut);
        assertThat(viewer.zoomPercent()).isEqualTo(150);
        assertThat(viewer.addToRecord.isVisible()).isTrue();
        assertThat(viewer.addToRecord.getText()).isEqualTo("Add to record");
    }

    @Test
    void theDoctorAddsToTheRecordAndThePatientSeesIt() {
        ChatPanel doctorPanel = panelFor(DemoUsers.RAJESH);
        AttachmentEntry sent = kriyaSendsPhoto();
        clickAttachment(doctorPanel, 0);
        _click(doctorPanel.fileViewer.addToRecord);

        assertThat(storedAttachments.findById(sent.id()).orElseThrow().isInRecord()).isTrue();
        assertThat(doctorPanel.fileViewer.addToRecord.isVisible()).isFalse();
        assertThat(doctorPanel.fileViewer.inRecordNote.isVisible()).isTrue();
        assertThat(items(doctorPanel).getFirst().getText()).endsWith(" · In the record");
        assertThat(doctorPanel.attachmentNotice.isVisible()).isFalse();

        ChatPanel patientPanel = panelFor(DemoUsers.KRIYA);
        assertThat(items(patientPanel).getFirst().getText()).endsWith(" · In the record");
        clickAttachment(patientPanel, 0);
        assertThat(patientPanel.fileViewer.addToRecord.isVisible()).isFalse();
        assertThat(patientPanel.fileViewer.inRecordNote.isVisible()).isTrue();
    }

    @Test
    void thePatientIsToldWhenTheDoctorAddsHerPhotoToTheRecord() {
        ChatPanel patientPanel = panelFor(DemoUsers.KRIYA);
        AttachmentEntry sent = kriyaSendsPhoto();
        clickAttachment(patientPanel, 0);
        assertThat(patientPanel.fileViewer.addToRecord.isVisible()).isFalse();

        as(DemoUsers.RAJESH, () -> attachments.addToRecord(sent.id()));

        assertThat(patientPanel.attachmentNotice.isVisible()).isTrue();
        assertThat(patientPanel.attachmentNotice.getText()).isEqualTo("Dr. Rajesh Patel added “rash.jpg” to your record.");
        assertThat(patientPanel.fileViewer.inRecordNote.isVisible()).isTrue();
        assertThat(items(patientPanel).getFirst().getText()).endsWith(" · In the record");
    }

    @Test
    void messagesAndAttachmentsKeepTheOrderTheyWereSentIn() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        as(DemoUsers.KRIYA, () -> applicationContext.getBean(com.mediscan.chat.service.ChatService.class)
                .send(appointment.getId(), UUID.randomUUID(), "Here is the rash"));
        kriyaSendsPhoto();
        as(DemoUsers.KRIYA, () -> applicationContext.getBean(com.mediscan.chat.service.ChatService.class)
                .send(appointment.getId(), UUID.randomUUID(), "It itches"));

        assertThat(items(panel)).extracting(MessageListItem::getText)
                .satisfiesExactly(first -> assertThat(first).isEqualTo("Here is the rash"),
                        photo -> assertThat(photo).startsWith("Photo · rash.jpg"),
                        last -> assertThat(last).isEqualTo("It itches"));

        UI.getCurrent().remove(panel);
        UI.getCurrent().add(panel);
        assertThat(items(panel)).extracting(MessageListItem::getText).hasSize(3).last().isEqualTo("It itches");
    }

    @Test
    void afterTheConsultationFilesCanBeOpenedButNotAttached() {
        kriyaSendsPhoto();
        testAppointments.complete(appointment);
        ChatPanel panel = panelFor(DemoUsers.KRIYA);

        assertThat(panel.attachFile.isVisible()).isFalse();
        assertThat(items(panel)).hasSize(1);
    }
}
