package com.mediscan.summary;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.attachment.AttachmentSamples;
import com.mediscan.attachment.domain.AttachmentContentRepository;
import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.prescription.PrescriptionFixtures;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionContent;
import com.mediscan.prescription.service.CallPhase;
import com.mediscan.prescription.service.PdfFile;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.summary.service.VisitSummaryService;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.PdfReading;
import com.mediscan.support.SecurityTestSupport;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The after-visit summary on every supported database: what a clinic hands out, read back from
 * the PDF; the photos and documents the doctor added to the record, and only those; and only the
 * appointment's doctor and patient get it, every export and refusal audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VisitSummaryContract {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Autowired
    VisitSummaryService summaries;
    @Autowired
    PrescriptionService prescriptions;
    @Autowired
    AttachmentService attachments;
    @Autowired
    AttachmentContentRepository contents;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    private String databaseName;
    private PrescriptionFixtures fixtures;
    private Appointment appointment;
    private AttachmentEntry rash;
    private AttachmentEntry labReport;
    private AttachmentEntry notAdded;

    @BeforeAll
    void identifyDatabase() throws Exception {
        fixtures = new PrescriptionFixtures(context);
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            databaseName = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }

    @AfterAll
    void reportDatabase() {
        System.out.println("[database tests] " + getClass().getSimpleName() + " ran on " + databaseName);
    }

    /** A skin consultation under way: a photo and a lab report added to the record, a blurry photo not; a corrected prescription. */
    @BeforeEach
    void consultationWithFilesAndACorrectedPrescription() {
        appointment = fixtures.appointment(DemoUsers.SNEHA, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.KRIYA);
        rash = attachments.send(appointment.getId(), UUID.randomUUID(), "rash on forearm.jpg", AttachmentSamples.jpeg(1600, 1200));
        notAdded = attachments.send(appointment.getId(), UUID.randomUUID(), "blurry.png", AttachmentSamples.png(300, 200));
        actAs(users, DemoUsers.SNEHA);
        labReport = attachments.send(appointment.getId(), UUID.randomUUID(), "allergy panel.pdf", AttachmentSamples.pdf());
        attachments.addToRecord(rash.id());
        attachments.addToRecord(labReport.id());
        Prescription first = prescriptions.issue(appointment.getId(), PrescriptionFixtures.dermatology(), CallPhase.DURING_CALL);
        prescriptions.correct(first.getId(), new PrescriptionContent("Allergic contact dermatitis",
                "Avoid the new detergent; photograph the rash again in a week.", null,
                List.of(new MedicationLine("Clobetasol propionate 0.05% cream", "Thin layer", "Topical", "Once daily", "5 days",
                        "1 tube", "Not on the face"))), CallPhase.DURING_CALL);
        SecurityTestSupport.signOut();
    }

    @AfterEach
    void signOut() {
        SecurityTestSupport.signOut();
    }

    @Test
    void theSummaryCarriesTheVisitTheCurrentPrescriptionTheNotesAndTheAddedFiles() throws Exception {
        actAs(users, DemoUsers.KRIYA);
        PdfFile summary = summaries.pdf(appointment.getId(), KOLKATA);

        assertThat(summary.fileName()).isEqualTo("visit-summary-" + appointment.getId() + ".pdf");
        String text = words(summary.content());
        assertThat(text).contains("MediScan Clinic", "After-visit summary", "Kriya Mehta", "Date of birth 12 Apr 1991",
                "Dr. Sneha Shah", "Dermatology", "GMC-2014-77310", "Reason for visit: Test consultation",
                "Diagnosis: Allergic contact dermatitis", "Clobetasol propionate 0.05% cream", "Directions: Not on the face",
                "Corrected: this version replaces version 1", "Doctor's notes",
                "Avoid the new detergent; photograph the rash again in a week.",
                "Photos and documents added to the record", "rash on forearm.jpg", "allergy panel.pdf",
                "SHA-256 " + rash.sha256(), "SHA-256 " + labReport.sha256(), "sent by Kriya Mehta", "sent by Dr. Sneha Shah");
        assertThat(text).containsPattern("Call from \\d\\d:\\d\\d, still under way");
        assertThat(text).as("the superseded version and the photo left out of the record")
                .doesNotContain("Hydrocortisone", "blurry.png");

        // The photo itself, full size (not its preview), once; the photo not added to the record is not in it.
        assertThat(PdfReading.images(summary.content())).singleElement()
                .satisfies(image -> assertThat(List.of(image.width(), image.height())).containsExactly(1600, 1200));
        // The document travels with the summary, byte for byte as stored.
        assertThat(PdfReading.attachedFiles(summary.content())).containsOnlyKeys("allergy panel.pdf")
                .hasEntrySatisfying("allergy panel.pdf", bytes -> assertThat(bytes)
                        .isEqualTo(contents.findByAttachmentId(labReport.id()).orElseThrow().getData()));

        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.KRIYA))
                .anyMatch(e -> e.getAction() == AuditAction.RECORD_EXPORTED && e.getOutcome() == AuditOutcome.ALLOWED
                        && appointment.getId().equals(e.getRecordId()))
                .anyMatch(e -> e.getAction() == AuditAction.ATTACHMENT_DOWNLOADED && e.getOutcome() == AuditOutcome.ALLOWED
                        && appointment.getId().equals(e.getRecordId()));
    }

    @Test
    void theDoctorGetsTheSameSummary() throws Exception {
        actAs(users, DemoUsers.SNEHA);
        byte[] pdf = summaries.pdf(appointment.getId(), KOLKATA).content();
        assertThat(PdfReading.text(pdf)).contains("Allergic contact dermatitis", "rash on forearm.jpg", "allergy panel.pdf");
        assertThat(PdfReading.images(pdf)).hasSize(1);
    }

    @Test
    void aPhotoAddedLaterAppearsInTheNextSummary() throws Exception {
        actAs(users, DemoUsers.SNEHA);
        attachments.addToRecord(notAdded.id());
        byte[] pdf = summaries.pdf(appointment.getId(), KOLKATA).content();
        assertThat(PdfReading.text(pdf)).contains("blurry.png");
        assertThat(PdfReading.images(pdf)).extracting(PdfReading.PageImage::width).containsExactlyInAnyOrder(1600, 300);
    }

    @Test
    void aCompletedVisitWithoutFilesSaysHowLongTheCallWasAndThatNothingWasAdded() throws Exception {
        Appointment completed = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.COMPLETED);
        actAs(users, DemoUsers.RAJESH);
        String text = words(summaries.pdf(completed.getId(), ZoneId.of("UTC")).content());
        // The fixture's call ran from a minute after the start to the fifteenth minute.
        assertThat(text).containsPattern("Call \\d\\d:01–\\d\\d:15 \\(14 min\\)")
                .contains("No prescription was issued.", "Diagnosis: Not recorded", "None were added.");
    }

    @Test
    void nobodyElseGetsTheSummaryAndTheRefusalIsAudited() {
        for (String outsider : List.of(DemoUsers.ARJUN, DemoUsers.RAJESH)) {
            actAs(users, outsider);
            assertThatThrownBy(() -> summaries.pdf(appointment.getId(), KOLKATA)).isInstanceOf(NotFoundOrDeniedException.class);
            assertThat(auditEvents.findByActorEmailOrderByIdAsc(outsider))
                    .anyMatch(e -> e.getAction() == AuditAction.RECORD_EXPORTED && e.getOutcome() == AuditOutcome.DENIED
                            && appointment.getId().equals(e.getRecordId()));
            assertThatThrownBy(() -> summaries.pdf(Long.MAX_VALUE, KOLKATA)).isInstanceOf(NotFoundOrDeniedException.class);
        }
        SecurityTestSupport.signOut();
        assertThatThrownBy(() -> summaries.pdf(appointment.getId(), KOLKATA)).isInstanceOf(NotFoundOrDeniedException.class);
    }

    /** The PDF's text with each run of white space as one space, as a reader sees the words. */
    private static String words(byte[] pdf) throws Exception {
        return PdfReading.text(pdf).replaceAll("\\s+", " ");
    }
}
