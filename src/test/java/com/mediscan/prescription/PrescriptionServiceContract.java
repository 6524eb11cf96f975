package com.mediscan.prescription;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.prescription.domain.FormularyEntry;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionContent;
import com.mediscan.prescription.domain.PrescriptionRepository;
import com.mediscan.prescription.domain.PrescriptionRules;
import com.mediscan.prescription.domain.PrescriptionStatus;
import com.mediscan.prescription.service.CallPhase;
import com.mediscan.prescription.service.ConsultationRecord;
import com.mediscan.prescription.service.FormularyService;
import com.mediscan.prescription.service.PrescriptionDraft;
import com.mediscan.prescription.service.PrescriptionIssued;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.prescription.service.PrescriptionValidationException;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.SecurityTestSupport;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What prescriptions must do on every supported database: validation at the server, signing,
 * versioning by supersession, autosaved drafts, and who may write and read. Subclasses pick the
 * database; each prints which one it ran on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PrescriptionServiceContract {

    @Autowired
    PrescriptionService service;
    @Autowired
    FormularyService formulary;
    @Autowired
    PrescriptionRepository prescriptions;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    RoomBus roomBus;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    PrescriptionFixtures fixtures;
    private String databaseName;

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

    @AfterEach
    void signOut() {
        SecurityTestSupport.signOut();
    }

    @Test
    void formularyOffersCommonHeartAndSkinMedicines() {
        assertThat(formulary.entries()).extracting(FormularyEntry::getMedicineName)
                .contains("Amlodipine", "Metoprolol succinate (extended release)", "Atorvastatin", "Aspirin (low dose)", "Clopidogrel",
                        "Hydrocortisone 1% cream", "Clobetasol propionate 0.05% cream", "Cetirizine")
                .isSortedAccordingTo(String::compareTo);
        assertThat(formulary.entries()).filteredOn(e -> e.getMedicineName().equals("Amlodipine")).singleElement()
                .satisfies(amlodipine -> {
                    assertThat(amlodipine.strengths()).containsExactly("2.5 mg", "5 mg", "10 mg");
                    assertThat(amlodipine.getDefaultRoute()).isEqualTo("Oral");
                });
    }

    @Test
    void issuingWithoutDiagnosisOrMedicationIsRefusedWithAMessagePerField() {
        Appointment appointment = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.RAJESH);

        assertThatThrownBy(() -> service.issue(appointment.getId(), PrescriptionContent.empty(), CallPhase.DURING_CALL))
                .isInstanceOfSatisfying(PrescriptionValidationException.class, invalid -> assertThat(invalid.problems()).containsExactly(
                        new PrescriptionRules.Problem("diagnosis", "Enter a diagnosis."),
                        new PrescriptionRules.Problem("medications", "Add at least one medication.")));

        assertThat(prescriptions.findByAppointmentIdAndStatus(appointment.getId(), PrescriptionStatus.ISSUED)).isEmpty();
        assertThat(eventsAbout(appointment)).anyMatch(action(AuditAction.PRESCRIPTION_SAVED, AuditOutcome.FAILED));
    }

    @Test
    void anIncompleteMedicationNamesEveryMissingField() {
        Appointment appointment = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.RAJESH);
        var content = new PrescriptionContent("Hypertension", null, null, List.of(
                new MedicationLine("Amlodipine", "5 mg", "Oral", "Once daily", "30 days", null, null),
                new MedicationLine("Metoprolol tartrate", " ", null, null, null, null, "Take with food")));

        assertThatThrownBy(() -> service.issue(appointment.getId(), content, CallPhase.DURING_CALL))
                .isInstanceOfSatisfying(PrescriptionValidationException.class, invalid -> assertThat(invalid.problems())
                        .extracting(PrescriptionRules.Problem::field)
                        .containsExactly("medications[1].dose", "medications[1].route", "medications[1].frequency", "medications[1].duration"));
    }

    @Test
    void tooLongTextAndAPastFollowUpAreRefused() {
        Appointment appointment = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.RAJESH);
        var content = new PrescriptionContent("x".repeat(Prescription.DIAGNOSIS_MAX + 1), null, LocalDate.now().minusDays(5),
                List.of(new MedicationLine("Aspirin (low dose)", "75 mg", "Oral", "Once daily", "30 days", null, null),
                        new MedicationLine("aspirin (LOW DOSE)", "150 mg", "Oral", "Once daily", "30 days", null, null)));

        assertThatThrownBy(() -> service.issue(appointment.getId(), content, CallPhase.DURING_CALL))
                .isInstanceOfSatisfying(PrescriptionValidationException.class, invalid -> assertThat(invalid.problems()).containsExactly(
                        new PrescriptionRules.Problem("diagnosis", "The diagnosis can be at most 500 characters long."),
                        new PrescriptionRules.Problem("followUpOn", "The follow-up date cannot be in the past."),
                        new PrescriptionRules.Problem("medications[1].medicine", "aspirin (LOW DOSE) is already on this prescription.")));
    }

    @Test
    void issuingSignsItRecordsTheDiagnosisAndLeavesTheCallRunning() {
        Appointment appointment = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        var rajesh = actAs(users, DemoUsers.RAJESH);
        Instant before = Instant.now();

        Prescription issued = service.issue(appointment.getId(), PrescriptionFixtures.cardiology(), CallPhase.DURING_CALL);

        assertThat(issued.getStatus()).isEqualTo(PrescriptionStatus.ISSUED);
        assertThat(issued.getVersionNumber()).isEqualTo(1);
        assertThat(issued.getSupersedesId()).isNull();
        assertThat(issued.getSignedBy().getAccount().getId()).isEqualTo(rajesh.accountId());
        assertThat(issued.getSignedAt()).isBetween(before, Instant.now());
        assertThat(issued.content()).isEqualTo(PrescriptionFixtures.cardiology());
        Appointment after = fixtures.reload(appointment);
        assertThat(after.getDiagnosis()).isEqualTo("Stable angina");
        assertThat(after.getStatus()).isEqualTo(AppointmentStatus.IN_PROGRESS);
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("prescription", issued.getId()))
                .anyMatch(action(AuditAction.PRESCRIPTION_SAVED, AuditOutcome.ALLOWED));
    }

    @Test
    void issuingAfterTheCallCompletesTheAppointmentThroughItsLifecycle() {
        Appointment appointment = fixtures.appointment(DemoUsers.SNEHA, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.SNEHA);

        service.issue(appointment.getId(), PrescriptionFixtures.dermatology(), CallPhase.AFTER_CALL);

        Appointment after = fixtures.reload(appointment);
        assertThat(after.getStatus()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(after.getCallEndedAt()).isNotNull();
        assertThat(after.getDiagnosis()).isEqualTo("Contact dermatitis");
        assertThat(eventsAbout(appointment)).anyMatch(e -> e.getAction() == AuditAction.APPOINTMENT_CHANGED
                && "IN_PROGRESS -> COMPLETED".equals(e.getDetail()));
    }

    @Test
    void aPrescriptionWaitsForTheConsultationAndNeverGoesOnACancelledOne() {
        Appointment scheduled = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.SCHEDULED);
        Appointment cancelled = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.CANCELLED);
        actAs(users, DemoUsers.RAJESH);

        assertThatThrownBy(() -> service.issue(scheduled.getId(), PrescriptionFixtures.cardiology(), CallPhase.DURING_CALL))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("A prescription can be issued once the consultation has started.");
        assertThat(service.saveDraft(scheduled.getId(), PrescriptionFixtures.cardiology()).savedAt()).isNotNull();
        assertThatThrownBy(() -> service.saveDraft(cancelled.getId(), PrescriptionFixtures.cardiology()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("This appointment was cancelled and cannot have a prescription.");
    }

    @Test
    void theDraftKeepsWhatWasTypedUntilItIsIssued() {
        Appointment appointment = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.RAJESH);
        assertThat(service.openDraft(appointment.getId()))
                .isEqualTo(new PrescriptionDraft(PrescriptionContent.empty(), 1, null, null));

        var halfWritten = new PrescriptionContent("Palpitations", null, null, List.of(
                new MedicationLine("Metoprolol tartrate", "25 mg", null, null, null, null, null), MedicationLine.empty()));
        PrescriptionDraft saved = service.saveDraft(appointment.getId(), halfWritten);

        PrescriptionDraft reopened = service.openDraft(appointment.getId());
        assertThat(reopened.content()).isEqualTo(halfWritten);
        assertThat(reopened.savedAt()).isEqualTo(saved.savedAt()).isNotNull();
        assertThat(reopened.versionNumber()).isEqualTo(1);
        assertThat(service.saveDraft(appointment.getId(), halfWritten).savedAt()).as("unchanged content is not written again")
                .isEqualTo(saved.savedAt());

        Prescription issued = service.issue(appointment.getId(), PrescriptionFixtures.cardiology(), CallPhase.DURING_CALL);
        PrescriptionDraft afterIssue = service.openDraft(appointment.getId());
        assertThat(afterIssue.isCorrection()).isTrue();
        assertThat(afterIssue.versionNumber()).isEqualTo(2);
        assertThat(afterIssue.content()).isEqualTo(issued.content());
        assertThat(prescriptions.findByDraftOfAppointmentId(appointment.getId())).isEmpty();
    }

    @Test
    void aCorrectionIsANewVersionAndTheIssuedOneNeverChanges() {
        Appointment appointment = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.RAJESH);
        Prescription first = service.issue(appointment.getId(), PrescriptionFixtures.cardiology(), CallPhase.DURING_CALL);
        assertThatThrownBy(() -> first.write(PrescriptionFixtures.dermatology(), Instant.now()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("An issued prescription cannot be changed. Save a correction instead.");

        var corrected = new PrescriptionContent("Stable angina", null, null, List.of(
                new MedicationLine("Amlodipine", "10 mg", "Oral", "Once daily", "30 days", "30 tablets", "Take in the morning")));
        Prescription second = service.correct(first.getId(), corrected, CallPhase.DURING_CALL);

        assertThat(second.getVersionNumber()).isEqualTo(2);
        assertThat(second.getSupersedesId()).isEqualTo(first.getId());
        assertThat(second.getStatus()).isEqualTo(PrescriptionStatus.ISSUED);
        assertThat(service.signedVersions(appointment.getId()))
                .extracting(Prescription::getVersionNumber, Prescription::getStatus)
                .containsExactly(tuple(2, PrescriptionStatus.ISSUED),
                        tuple(1, PrescriptionStatus.SUPERSEDED));
        Prescription firstNow = prescriptions.findById(first.getId()).orElseThrow();
        assertThat(firstNow.content()).isEqualTo(PrescriptionFixtures.cardiology());
        assertThat(firstNow.getSignedAt()).isEqualTo(first.getSignedAt());

        assertThatThrownBy(() -> service.correct(first.getId(), PrescriptionFixtures.cardiology(), CallPhase.DURING_CALL))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("Version 1 has already been corrected. Correct the latest version instead.");
        assertThatThrownBy(() -> service.correct(second.getId(), corrected, CallPhase.DURING_CALL))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageStartingWith("Version 2 already says exactly this.");
    }

    @Test
    void aPatientCannotWriteAPrescriptionByAnyRouteAndIsAudited() {
        Appointment appointment = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.RAJESH);
        Prescription issued = service.issue(appointment.getId(), PrescriptionFixtures.cardiology(), CallPhase.DURING_CALL);

        actAs(users, DemoUsers.KRIYA);
        long id = appointment.getId();
        assertThatThrownBy(() -> service.saveDraft(id, PrescriptionFixtures.dermatology())).isInstanceOf(NotFoundOrDeniedException.class);
        assertThatThrownBy(() -> service.issue(id, PrescriptionFixtures.dermatology(), CallPhase.DURING_CALL))
                .isInstanceOf(NotFoundOrDeniedException.class);
        assertThatThrownBy(() -> service.correct(issued.getId(), PrescriptionFixtures.dermatology(), CallPhase.AFTER_CALL))
                .isInstanceOf(NotFoundOrDeniedException.class);
        assertThatThrownBy(() -> service.openDraft(id)).isInstanceOf(NotFoundOrDeniedException.class);

        assertThat(eventsAbout(appointment)).filteredOn(e -> DemoUsers.KRIYA.equals(e.getActorEmail()))
                .filteredOn(action(AuditAction.PRESCRIPTION_SAVED, AuditOutcome.DENIED)).hasSize(3);
        assertThat(service.signedVersions(id)).singleElement().extracting(Prescription::getId).isEqualTo(issued.getId());
    }

    @Test
    void onlyTheAppointmentsDoctorAndPatientReadIt() {
        Appointment appointment = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.RAJESH);
        Prescription issued = service.issue(appointment.getId(), PrescriptionFixtures.cardiology(), CallPhase.AFTER_CALL);

        for (String reader : List.of(DemoUsers.RAJESH, DemoUsers.KRIYA)) {
            actAs(users, reader);
            assertThat(service.read(issued.getId()).getId()).isEqualTo(issued.getId());
            assertThat(service.record(appointment.getId()).prescriptions()).hasSize(1);
        }
        for (String outsider : List.of(DemoUsers.SNEHA, DemoUsers.ARJUN, DemoUsers.ADMIN)) {
            actAs(users, outsider);
            assertThatThrownBy(() -> service.read(issued.getId())).isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> service.printable(issued.getId())).isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> service.record(appointment.getId())).isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> service.signedVersions(appointment.getId())).isInstanceOf(NotFoundOrDeniedException.class);
            assertThat(eventsAbout(appointment)).filteredOn(e -> outsider.equals(e.getActorEmail()))
                    .extracting(AuditEvent::getAction, AuditEvent::getOutcome)
                    .contains(tuple(AuditAction.PRESCRIPTION_READ, AuditOutcome.DENIED),
                            tuple(AuditAction.PRESCRIPTION_PRINTED, AuditOutcome.DENIED),
                            tuple(AuditAction.RECORD_VIEWED, AuditOutcome.DENIED));
        }
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("prescription", issued.getId()))
                .filteredOn(action(AuditAction.PRESCRIPTION_READ, AuditOutcome.ALLOWED))
                .extracting(AuditEvent::getActorEmail).containsExactly(DemoUsers.RAJESH, DemoUsers.KRIYA);
    }

    @Test
    void aPatientNeverSeesADraft() {
        Appointment appointment = fixtures.appointment(DemoUsers.SNEHA, DemoUsers.ARJUN, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.SNEHA);
        service.saveDraft(appointment.getId(), PrescriptionFixtures.dermatology());
        Long draftId = prescriptions.findByDraftOfAppointmentId(appointment.getId()).orElseThrow().getId();

        actAs(users, DemoUsers.ARJUN);
        assertThat(service.signedVersions(appointment.getId())).isEmpty();
        assertThatThrownBy(() -> service.read(draftId)).isInstanceOf(NotFoundOrDeniedException.class);
        assertThat(service.myRecords()).filteredOn(r -> r.appointment().getId().equals(appointment.getId()))
                .singleElement().extracting(ConsultationRecord::prescriptions).asList().isEmpty();
    }

    @Test
    void thePatientsRecordListsEveryConsultationWithItsPrescriptions() {
        Appointment cardiology = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        Appointment upcoming = fixtures.appointment(DemoUsers.SNEHA, DemoUsers.KRIYA, AppointmentStatus.SCHEDULED);
        actAs(users, DemoUsers.RAJESH);
        Prescription issued = service.issue(cardiology.getId(), PrescriptionFixtures.cardiology(), CallPhase.AFTER_CALL);

        var kriya = actAs(users, DemoUsers.KRIYA);
        List<ConsultationRecord> records = service.myRecords();

        assertThat(records).extracting(r -> r.appointment().getId()).contains(cardiology.getId()).doesNotContain(upcoming.getId());
        assertThat(records).allMatch(r -> r.appointment().getPatient().getAccount().getId().equals(kriya.accountId()));
        assertThat(records).extracting(r -> r.appointment().getStartsAt()).isSortedAccordingTo(Comparator.reverseOrder());
        ConsultationRecord record = records.stream().filter(r -> r.appointment().getId().equals(cardiology.getId())).findFirst().orElseThrow();
        assertThat(record.appointment().getDiagnosis()).isEqualTo("Stable angina");
        assertThat(record.currentPrescription()).get().extracting(Prescription::getId).isEqualTo(issued.getId());
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.KRIYA))
                .anyMatch(e -> e.getAction() == AuditAction.RECORD_VIEWED && e.getOutcome() == AuditOutcome.ALLOWED
                        && "patient_record".equals(e.getRecordType()));

        actAs(users, DemoUsers.RAJESH);
        assertThatThrownBy(() -> service.myRecords()).isInstanceOf(NotFoundOrDeniedException.class);
    }

    @Test
    void theDoctorSeesThePatientsEarlierPrescriptionsOnlyThroughTheirAppointment() {
        Appointment dermatology = fixtures.appointment(DemoUsers.SNEHA, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        Appointment arjunsVisit = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.ARJUN, AppointmentStatus.IN_PROGRESS);
        Appointment cardiology = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.SNEHA);
        Prescription kriyasSkin = service.issue(dermatology.getId(), PrescriptionFixtures.dermatology(), CallPhase.AFTER_CALL);
        actAs(users, DemoUsers.RAJESH);
        Prescription arjuns = service.issue(arjunsVisit.getId(), PrescriptionFixtures.cardiology(), CallPhase.AFTER_CALL);

        List<Prescription> history = service.earlierPrescriptions(cardiology.getId());

        assertThat(history).extracting(Prescription::getId).contains(kriyasSkin.getId()).doesNotContain(arjuns.getId());
        assertThat(history).allMatch(p -> p.getPatient().getAccount().getEmail().equals(DemoUsers.KRIYA));
        assertThat(history).allMatch(p -> p.getStatus() == PrescriptionStatus.ISSUED);
        for (String outsider : List.of(DemoUsers.SNEHA, DemoUsers.KRIYA)) {
            actAs(users, outsider);
            assertThatThrownBy(() -> service.earlierPrescriptions(cardiology.getId())).isInstanceOf(NotFoundOrDeniedException.class);
        }
    }

    @Test
    void issuingTellsTheRoomSoThePatientLearnsOfIt() throws Exception {
        Appointment appointment = fixtures.appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        List<RoomEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = roomBus.subscribe(appointment.getId(), heard::add)) {
            var rajesh = actAs(users, DemoUsers.RAJESH);
            service.saveDraft(appointment.getId(), PrescriptionFixtures.cardiology());
            assertThat(heard).as("a draft is not announced").isEmpty();
            Prescription issued = service.issue(appointment.getId(), PrescriptionFixtures.cardiology(), CallPhase.DURING_CALL);

            assertThat(heard).singleElement().isEqualTo(new PrescriptionIssued(appointment.getId(), rajesh.accountId(),
                    issued.getId(), 1, "Dr. Rajesh Patel"));
        }
    }

    private List<AuditEvent> eventsAbout(Appointment appointment) {
        return auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("appointment", appointment.getId());
    }

    private static Predicate<AuditEvent> action(AuditAction action, AuditOutcome outcome) {
        return e -> e.getAction() == action && e.getOutcome() == outcome;
    }
}
