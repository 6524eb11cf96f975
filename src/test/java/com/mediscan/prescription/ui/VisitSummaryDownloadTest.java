package com.mediscan.prescription.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.attachment.AttachmentSamples;
import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.prescription.PrescriptionFixtures;
import com.mediscan.prescription.service.CallPhase;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuDownloads;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.PdfReading;
import com.mediscan.support.SecurityTestSupport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.RouterLink;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** "Download summary (PDF)" on the doctor's consultation record and on the patient's My Records entry, and what it downloads. */
class VisitSummaryDownloadTest extends KaribuTest {

    @Autowired
    PrescriptionService prescriptions;
    @Autowired
    AttachmentService attachments;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;

    private Appointment visit;
    private AttachmentEntry photo;

    @BeforeEach
    void aVisitWithAPhotoInTheRecord() {
        visit = new PrescriptionFixtures(applicationContext).appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        SecurityTestSupport.actAs(users, DemoUsers.KRIYA);
        photo = attachments.send(visit.getId(), UUID.randomUUID(), "ankle swelling.jpg", AttachmentSamples.jpeg(800, 600));
        SecurityTestSupport.actAs(users, DemoUsers.RAJESH);
        attachments.addToRecord(photo.id());
        prescriptions.issue(visit.getId(), PrescriptionFixtures.cardiology(), CallPhase.AFTER_CALL);
        SecurityTestSupport.signOut();
    }

    @Test
    void theDoctorDownloadsTheSummaryFromTheConsultationRecord() throws Exception {
        signIn(DemoUsers.RAJESH);
        UI.getCurrent().navigate("records/" + visit.getId());

        Anchor download = _get(ConsultationRecordView.class).summaryDownload;
        assertThat(download.isAttached()).isTrue();
        assertThat(download.getText()).isEqualTo("Download summary (PDF)");
        KaribuDownloads.Answer answer = KaribuDownloads.follow(download);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(PdfReading.text(answer.body())).contains("After-visit summary", "Stable angina", "Amlodipine", "ankle swelling.jpg");
        assertThat(PdfReading.images(answer.body())).hasSize(1);
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.RAJESH))
                .anyMatch(e -> e.getAction() == AuditAction.RECORD_EXPORTED && e.getOutcome() == AuditOutcome.ALLOWED
                        && visit.getId().equals(e.getRecordId()));
    }

    @Test
    void thePatientDownloadsItFromTheEntryInMyRecords() throws Exception {
        signIn(DemoUsers.KRIYA);
        UI.getCurrent().navigate("records");

        PatientRecordsView view = _get(PatientRecordsView.class);
        assertThat(view.consultations.getChildren()).as("every entry offers its summary")
                .allSatisfy(card -> assertThat(_find(card, VisitSummaryAnchor.class)).hasSize(1));
        var entry = view.consultations.getChildren()
                .filter(card -> _find(card, RouterLink.class).stream().anyMatch(link -> link.getHref().equals("records/" + visit.getId())))
                .findFirst().orElseThrow();
        VisitSummaryAnchor download = _get(entry, VisitSummaryAnchor.class);
        assertThat(download.getText()).isEqualTo("Download summary (PDF)");
        byte[] pdf = KaribuDownloads.follow(download).body();
        assertThat(PdfReading.text(pdf)).contains("Kriya Mehta", "Stable angina", "Atorvastatin", "ankle swelling.jpg");
        assertThat(PdfReading.images(pdf)).hasSize(1);
    }

    @Test
    void theLinkServesNobodyButTheParticipants() throws Exception {
        signIn(DemoUsers.KRIYA);
        UI.getCurrent().navigate("records/" + visit.getId());
        Anchor download = _get(ConsultationRecordView.class).summaryDownload;

        // The service decides, not the secrecy of the link: someone else following it gets a 404.
        SecurityTestSupport.actAs(users, DemoUsers.ARJUN);
        KaribuDownloads.Answer answer = KaribuDownloads.follow(download);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEmpty();
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.ARJUN))
                .anyMatch(e -> e.getAction() == AuditAction.RECORD_EXPORTED && e.getOutcome() == AuditOutcome.DENIED
                        && visit.getId().equals(e.getRecordId()));
    }
}
