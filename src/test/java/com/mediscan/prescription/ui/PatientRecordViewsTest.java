package com.mediscan.prescription.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.ui.NotAvailableView;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.prescription.PrescriptionFixtures;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionContent;
import com.mediscan.prescription.service.CallPhase;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuDownloads;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.PdfReading;
import com.mediscan.support.SecurityTestSupport;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** "My Records", the record of one consultation, the print view and the in-call notice, as each person sees them. */
class PatientRecordViewsTest extends KaribuTest {

    @Autowired
    PrescriptionService service;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;
    @Autowired
    RoomBus roomBus;

    private Appointment cardiology;
    private Prescription first;
    private Prescription corrected;

    @BeforeEach
    void aCardiologyVisitWithACorrectedPrescription() {
        var fixtures = new PrescriptionFixtures(applicationContext);
        Appointment earlierSkinVisit = fixtures.appointment(DemoUsers.SNEHA, DemoUsers.KRIYA, AppointmentStatus.COMPLETED);
        cardiology = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        SecurityTestSupport.actAs(users, DemoUsers.SNEHA);
        service.issue(earlierSkinVisit.getId(), PrescriptionFixtures.dermatology(), CallPhase.AFTER_CALL);
        SecurityTestSupport.actAs(users, DemoUsers.RAJESH);
        first = service.issue(cardiology.getId(), PrescriptionFixtures.cardiology(), CallPhase.AFTER_CALL);
        corrected = service.correct(first.getId(), new PrescriptionContent("Stable angina", "Walk daily.", null, List.of(
                new MedicationLine("Amlodipine", "10 mg", "Oral", "Once daily", "30 days", "30 tablets", "Take in the morning"),
                new MedicationLine("Metoprolol succinate (extended release)", "25 mg", "Oral", "Once daily", "30 days", "30 tablets",
                        null))), CallPhase.AFTER_CALL);
        SecurityTestSupport.signOut();
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    @Test
    void thePatientFindsEveryConsultationUnderMyRecords() {
        signIn(DemoUsers.KRIYA);
        UI.getCurrent().navigate("records");

        PatientRecordsView view = _get(PatientRecordsView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("My Records");
        Component card = view.consultations.getChildren()
                .filter(c -> text(c).contains("MMC-2009-41872") && text(c).contains("Metoprolol")).findFirst().orElseThrow();
        assertThat(text(card)).contains("Dr. Rajesh Patel · Cardiology", "Diagnosis: Stable angina", "Amlodipine", "10 mg",
                "Take in the morning", "Version 2", "It corrects 1 earlier version", "Chat transcript", "Open full record");
        assertThat(text(view)).contains("Hydrocortisone 1% cream", "Dr. Sneha Shah · Dermatology", "Contact dermatitis");
        assertThat(_find(card, Anchor.class)).extracting(Anchor::getText).contains("Print", "Download PDF");
    }

    @Test
    void myRecordsAndTheConsultationRecordOfferTheirFhirExport() {
        long kriya = new PrescriptionFixtures(applicationContext).reload(cardiology).getPatient().getId();
        signIn(DemoUsers.KRIYA);
        UI.getCurrent().navigate("records");
        assertFhirExport(_get(PatientRecordsView.class).export, "fhir/Patient/" + kriya + "/$everything",
                "patient-record-" + kriya + ".fhir.json");

        UI.getCurrent().navigate("records/" + cardiology.getId());
        assertFhirExport(_get(ConsultationRecordView.class).export, "fhir/Encounter/" + cardiology.getId() + "/$everything",
                "consultation-" + cardiology.getId() + ".fhir.json");
    }

    @Test
    void theDoctorExportsTheConsultationFromItsRecord() {
        signIn(DemoUsers.RAJESH);
        UI.getCurrent().navigate("records/" + cardiology.getId());
        assertFhirExport(_get(ConsultationRecordView.class).export, "fhir/Encounter/" + cardiology.getId() + "/$everything",
                "consultation-" + cardiology.getId() + ".fhir.json");
    }

    private static void assertFhirExport(Anchor export, String href, String fileName) {
        assertThat(export.isAttached()).isTrue();
        assertThat(export.getText()).isEqualTo("Export (FHIR)");
        assertThat(export.getHref()).isEqualTo(href);
        assertThat(export.getElement().getAttribute("download")).isEqualTo(fileName);
        assertThat(export.getElement().hasAttribute("router-ignore")).as("a download, not a view").isTrue();
    }

    @Test
    void aDoctorHasNoMyRecords() {
        signIn(DemoUsers.RAJESH);
        assertThatThrownBy(() -> UI.getCurrent().navigate("records")).isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void thePatientOpensOneConsultationWithEveryVersion() throws Exception {
        signIn(DemoUsers.KRIYA);
        UI.getCurrent().navigate("records/" + cardiology.getId());

        ConsultationRecordView view = _get(ConsultationRecordView.class);
        assertThat(text(view.summary)).contains("Dr. Rajesh Patel", "Kriya Mehta", "Completed", "Stable angina");
        List<PrescriptionCard> versions = _find(view.versions, PrescriptionCard.class);
        assertThat(versions).hasSize(2);
        assertThat(text(versions.get(0))).contains("Version 2", "Issued", "Metoprolol succinate");
        assertThat(text(versions.get(1))).contains("Version 1", "Superseded by a correction", "Atorvastatin");
        assertThat(view.writePrescription.isAttached()).as("the patient cannot write").isFalse();
        assertThat(view.earlier.isAttached()).isFalse();
        assertThat(view.transcriptSlot.hasClassName("chat-transcript-slot")).isTrue();
        assertThat(text(view.transcriptSlot)).as("the chat feature fills the slot").contains("Consultation chat");

        Anchor pdf = _find(view.versions, Anchor.class).stream().filter(a -> a.getText().equals("Download PDF")).findFirst().orElseThrow();
        String pdfText = pdfText(pdf);
        assertThat(pdfText).contains("MMC-2009-41872", "Amlodipine", "Metoprolol");
    }

    @Test
    void theDoctorSeesEarlierPrescriptionsAndCanCorrectFromTheRecord() {
        signIn(DemoUsers.RAJESH);
        UI.getCurrent().navigate("records/" + cardiology.getId());

        ConsultationRecordView view = _get(ConsultationRecordView.class);
        assertThat(text(view.summary)).contains("Kriya Mehta (born 12 Apr 1991)");
        assertThat(text(view.earlier)).contains("Dr. Sneha Shah", "Contact dermatitis", "Hydrocortisone 1% cream");
        assertThat(view.writePrescription.getText()).isEqualTo("Correct prescription");

        _click(view.writePrescription);
        PrescriptionPanel panel = _get(view.editor, PrescriptionPanel.class);
        assertThat(panel.earlier.isVisible()).as("the record lists earlier prescriptions itself").isFalse();
        assertThat(panel.rows).extracting(row -> row.medicine.getValue()).containsExactly("Amlodipine", "Metoprolol succinate (extended release)");
        _setValue(panel.rows.getFirst().dose, "5 mg");
        _click(panel.save);

        assertThat(_find(view.versions, PrescriptionCard.class)).hasSize(3);
        assertThat(text(view.versions)).contains("Version 3");
        assertThat(view.editor.getChildren()).as("the form closes once signed").isEmpty();
        assertThat(view.writePrescription.isVisible()).isTrue();
    }

    @Test
    void anyoneElseSeesNotAvailableAndIsAudited() {
        for (String outsider : List.of(DemoUsers.ARJUN, DemoUsers.SNEHA)) {
            signIn(outsider);
            UI.getCurrent().navigate("records/" + cardiology.getId());
            _assertOne(NotAvailableView.class);
            assertThat(auditEvents.findByActorEmailOrderByIdAsc(outsider))
                    .anyMatch(e -> e.getAction() == AuditAction.RECORD_VIEWED && e.getOutcome() == AuditOutcome.DENIED
                            && cardiology.getId().equals(e.getRecordId()));

            UI.getCurrent().navigate(PrescriptionPrintView.path(corrected.getId()));
            _assertOne(NotAvailableView.class);
        }
    }

    @Test
    void thePrintViewIsAPlainSheetWithEverythingAPharmacistNeeds() {
        signIn(DemoUsers.KRIYA);
        UI.getCurrent().navigate(PrescriptionPrintView.path(corrected.getId()));

        PrescriptionPrintView view = _get(PrescriptionPrintView.class);
        assertThat(text(view.sheet)).contains("MediScan Clinic", "Dr. Rajesh Patel", "Registration no. MMC-2009-41872", "Kriya Mehta",
                "Date of birth 12 Apr 1991", "Stable angina", "Amlodipine", "10 mg", "Take in the morning",
                "Metoprolol succinate (extended release)", "Corrected version: replaces version 1.", "Signed electronically on");
        assertThat(view.sheet.getChildren()).anyMatch(c -> c.hasClassName("sheet-signature"));
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("prescription", corrected.getId()))
                .anyMatch(e -> e.getAction() == AuditAction.PRESCRIPTION_PRINTED && DemoUsers.KRIYA.equals(e.getActorEmail()));

        UI.getCurrent().navigate(PrescriptionPrintView.path(first.getId()));
        assertThat(text(_get(PrescriptionPrintView.class).sheet)).contains("Superseded by a later version: not valid for dispensing.");
    }

    @Test
    void thePatientIsToldDuringTheCallThatAPrescriptionWasIssued() {
        Appointment call = new PrescriptionFixtures(applicationContext).appointment(DemoUsers.SNEHA, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        signIn(DemoUsers.KRIYA);
        PrescriptionIssuedNotice notice = new PrescriptionIssuedNotice(roomBus, call.getId());
        UI.getCurrent().add(notice);
        assertThat(notice.isVisible()).isFalse();

        SecurityTestSupport.actAs(users, DemoUsers.SNEHA);
        service.issue(call.getId(), PrescriptionFixtures.dermatology(), CallPhase.DURING_CALL);
        MockVaadin.runUIQueue();

        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.message.getText()).startsWith("Dr. Sneha Shah issued a prescription. You can find it under My Records.");
    }

    private static String pdfText(Anchor anchor) throws Exception {
        return PdfReading.text(KaribuDownloads.follow(anchor).body());
    }
}
