package com.mediscan.fhir;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.service.AccountService;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.chat.service.ChatService;
import com.mediscan.fhir.service.FhirExportLinks;
import com.mediscan.fhir.service.FhirExportService;
import com.mediscan.prescription.PrescriptionFixtures;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionContent;
import com.mediscan.prescription.service.CallPhase;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.security.SecurityHeaders;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.FhirValidation;
import com.mediscan.support.SecurityTestSupport;
import com.mediscan.support.SignedInHttp;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The FHIR export on every supported database: each Bundle passes the HL7 validator with zero
 * errors and says what the record holds; only participants get it, over the service and over
 * HTTP with a real sign-in; every export and every refusal is audited. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FhirExportContract {

    private static final AtomicInteger NEXT_SLOT = new AtomicInteger();
    private static final Instant FIRST_SLOT = Instant.parse("2021-03-01T05:30:00Z");

    @LocalServerPort
    int port;
    @Value("${mediscan.fhir.identifier-base}")
    String identifierBase;
    @Autowired
    FhirExportService export;
    @Autowired
    PrescriptionService prescriptions;
    @Autowired
    ChatService chat;
    @Autowired
    AppointmentService appointments;
    @Autowired
    AccountService accounts;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    private ClinicFixtures clinic;
    private String databaseName;

    @BeforeAll
    void identifyDatabase() throws Exception {
        clinic = new ClinicFixtures(context);
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

    // ---- the consultation ----------------------------------------------------------------

    @Test
    void aConsultationWithATwoMedicinePrescriptionChatAndACorrectionIsValidFhir() {
        PatientProfile patient = newPatient();
        Appointment appointment = consultation(clinic.doctor(DemoUsers.RAJESH), patient, true);

        actAs(users, patient.getAccount().getEmail());
        String json = export.encounterEverything(appointment.getId());

        assertValid(json);
        Bundle bundle = parse(json);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertEveryReferenceResolves(bundle);
        assertIdentifierSystemsAreTheClinics(bundle);

        Encounter encounter = single(bundle, Encounter.class);
        Appointment held = clinic.reload(appointment);
        assertThat(encounter.getClass_().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActCode");
        assertThat(encounter.getClass_().getCode()).isEqualTo("VR");
        assertThat(encounter.getClass_().getDisplay()).isEqualTo("virtual");
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(encounter.getPeriod().getStart().toInstant()).isEqualTo(held.getCallStartedAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(encounter.getPeriod().getEnd().toInstant()).isEqualTo(held.getCallEndedAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(encounter.getReasonCodeFirstRep().getText()).isEqualTo("Fixture visit");
        assertThat(encounter.getDiagnosisFirstRep().getCondition().getReference()).isEqualTo(fullUrlOf(bundle, Condition.class));
        assertThat(encounter.getAppointmentFirstRep().getReference()).isEqualTo(fullUrlOf(bundle, org.hl7.fhir.r4.model.Appointment.class));

        Condition diagnosis = single(bundle, Condition.class);
        assertThat(diagnosis.getCode().getText()).isEqualTo("Stable angina, dose raised");
        assertThat(diagnosis.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("encounter-diagnosis");
        assertThat(diagnosis.getCategoryFirstRep().getCodingFirstRep().getDisplay()).isEqualTo("Encounter Diagnosis");

        Practitioner doctor = single(bundle, Practitioner.class);
        assertThat(doctor.getIdentifierFirstRep().getValue()).isEqualTo("MMC-2009-41872");
        assertThat(doctor.getIdentifierFirstRep().getSystem()).isEqualTo(identifierBase + "/doctor-registration");
        assertThat(single(bundle, Patient.class).getNameFirstRep().getText()).isEqualTo(patient.getDisplayName());

        List<MedicationRequest> requests = all(bundle, MedicationRequest.class);
        assertThat(requests).hasSize(4);
        List<MedicationRequest> cancelled = requests.stream()
                .filter(r -> r.getStatus() == MedicationRequest.MedicationRequestStatus.CANCELLED).toList();
        List<MedicationRequest> active = requests.stream()
                .filter(r -> r.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE).toList();
        assertThat(cancelled).extracting(r -> r.getMedicationCodeableConcept().getText()).containsExactly("Amlodipine", "Atorvastatin");
        assertThat(active).extracting(r -> r.getMedicationCodeableConcept().getText()).containsExactly("Amlodipine", "Atorvastatin");
        assertThat(cancelled).allSatisfy(r -> assertThat(r.getStatusReason().getText()).contains("replaced by version 2"));
        assertThat(cancelled).extracting(r -> r.getGroupIdentifier().getValue()).hasSize(2).containsOnly(cancelled.getFirst().getGroupIdentifier().getValue());
        assertThat(active).extracting(r -> r.getGroupIdentifier().getValue()).containsOnly(active.getFirst().getGroupIdentifier().getValue())
                .doesNotContain(cancelled.getFirst().getGroupIdentifier().getValue());
        for (int line = 0; line < 2; line++) {
            assertThat(active.get(line).getPriorPrescription().getReference()).isEqualTo(fullUrlOf(bundle, cancelled.get(line)));
        }
        MedicationRequest amlodipine = active.getFirst();
        assertThat(amlodipine.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.ORDER);
        assertThat(amlodipine.getRequester().getReference()).isEqualTo(fullUrlOf(bundle, Practitioner.class));
        assertThat(amlodipine.getEncounter().getReference()).isEqualTo(fullUrlOf(bundle, Encounter.class));
        assertThat(amlodipine.getAuthoredOn()).isNotNull();
        var dosage = amlodipine.getDosageInstructionFirstRep();
        assertThat(dosage.getText()).isEqualTo("10 mg · Oral · Once daily · 30 days");
        assertThat(dosage.getPatientInstruction()).isEqualTo("Take in the morning");
        assertThat(dosage.getRoute().getCodingFirstRep().getCode()).isEqualTo("26643006");
        assertThat(dosage.getTiming().getRepeat().getFrequency()).isEqualTo(1);
        assertThat(dosage.getTiming().getRepeat().getPeriodUnit().toCode()).isEqualTo("d");
        assertThat(dosage.getDoseAndRateFirstRep().getDoseQuantity().getValue()).isEqualByComparingTo("10");
        assertThat(dosage.getDoseAndRateFirstRep().getDoseQuantity().getCode()).isEqualTo("mg");
        assertThat(amlodipine.getDispenseRequest().getQuantity().getValue()).isEqualByComparingTo("30");
        assertThat(amlodipine.getDispenseRequest().getQuantity().getUnit()).isEqualTo("tablets");
        assertThat(active.get(1).getDosageInstructionFirstRep().getTiming().getRepeat().getWhen())
                .extracting(when -> when.getValue().toCode()).containsExactly("HS");

        List<Provenance> signatures = all(bundle, Provenance.class);
        assertThat(signatures).hasSize(2).allSatisfy(provenance -> {
            var signature = provenance.getSignatureFirstRep();
            assertThat(signature.getTypeFirstRep().getSystem()).isEqualTo("urn:iso-astm:E1762-95:2013");
            assertThat(signature.getTypeFirstRep().getCode()).isEqualTo("1.2.840.10065.1.12.1.1");
            assertThat(signature.getTypeFirstRep().getDisplay()).isEqualTo("Author's Signature");
            assertThat(signature.getWho().getReference()).isEqualTo(fullUrlOf(bundle, Practitioner.class));
            assertThat(provenance.getTarget()).hasSize(2);
        });

        List<Communication> messages = all(bundle, Communication.class);
        assertThat(messages).extracting(m -> m.getPayloadFirstRep().getContentStringType().getValue())
                .containsExactly("Good morning, how is the chest pain?", "Better since yesterday <b>thanks</b>");
        assertThat(messages.getFirst().getSender().getReference()).isEqualTo(fullUrlOf(bundle, Practitioner.class));
        assertThat(messages.getFirst().getRecipientFirstRep().getReference()).isEqualTo(fullUrlOf(bundle, Patient.class));
        assertThat(messages.get(1).getSender().getReference()).isEqualTo(fullUrlOf(bundle, Patient.class));
        assertThat(messages).allSatisfy(m -> assertThat(m.getSent()).isNotNull());

        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("appointment", appointment.getId()))
                .anyMatch(e -> e.getAction() == AuditAction.RECORD_EXPORTED && e.getOutcome() == AuditOutcome.ALLOWED
                        && patient.getAccount().getEmail().equals(e.getActorEmail()));
    }

    @Test
    void aConsultationThatEndedWithoutAPrescriptionIsValidFhir() {
        PatientProfile patient = newPatient();
        Appointment appointment = consultation(clinic.doctor(DemoUsers.SNEHA), patient, false);

        actAs(users, DemoUsers.SNEHA);
        String json = export.encounterEverything(appointment.getId());

        assertValid(json);
        Bundle bundle = parse(json);
        assertEveryReferenceResolves(bundle);
        assertThat(all(bundle, MedicationRequest.class)).isEmpty();
        assertThat(all(bundle, Provenance.class)).isEmpty();
        assertThat(all(bundle, Condition.class)).isEmpty();
        assertThat(single(bundle, Encounter.class).getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(all(bundle, Communication.class)).hasSize(2);
    }

    @Test
    void aPatientWithSeveralConsultationsIsValidFhirAndEachDoctorGetsTheirOwnConsultations() {
        PatientProfile patient = newPatient();
        DoctorProfile rajesh = clinic.doctor(DemoUsers.RAJESH);
        Appointment first = consultation(rajesh, patient, true);
        Appointment second = consultation(rajesh, patient, false);
        Appointment withSneha = consultation(clinic.doctor(DemoUsers.SNEHA), patient, true);

        actAs(users, patient.getAccount().getEmail());
        String json = export.patientEverything(patient.getId());

        assertValid(json);
        Bundle bundle = parse(json);
        assertEveryReferenceResolves(bundle);
        assertThat(all(bundle, Patient.class)).hasSize(1);
        assertThat(all(bundle, Practitioner.class)).hasSize(2);
        assertThat(all(bundle, Encounter.class)).extracting(e -> e.getIdentifierFirstRep().getValue())
                .containsExactlyInAnyOrder(idOf(first), idOf(second), idOf(withSneha));
        assertThat(all(bundle, MedicationRequest.class)).hasSize(8);
        assertThat(bundle.getEntry().getFirst().getResource()).isInstanceOf(Patient.class);

        actAs(users, DemoUsers.RAJESH);
        Bundle doctorsView = parse(export.patientEverything(patient.getId()));
        assertThat(all(doctorsView, Encounter.class)).extracting(e -> e.getIdentifierFirstRep().getValue())
                .containsExactlyInAnyOrder(idOf(first), idOf(second));
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("patient_record", patient.getId()))
                .filteredOn(e -> e.getAction() == AuditAction.RECORD_EXPORTED && e.getOutcome() == AuditOutcome.ALLOWED)
                .extracting(AuditEvent::getActorEmail).containsExactly(patient.getAccount().getEmail(), DemoUsers.RAJESH);
    }

    @Test
    void theValidatorCatchesAWrongStatusAndABrokenReference() {
        PatientProfile patient = newPatient();
        Appointment appointment = consultation(clinic.doctor(DemoUsers.RAJESH), patient, true);
        actAs(users, DemoUsers.RAJESH);
        String json = export.encounterEverything(appointment.getId());
        assertValid(json);

        // "replaced" is what a first draft writes for a corrected line; R4 has no such MedicationRequest status.
        String wrongStatus = json.replaceFirst("\"status\": \"cancelled\"", "\"status\": \"replaced\"");
        assertThat(wrongStatus).isNotEqualTo(json);
        assertThat(FhirValidation.errors(wrongStatus)).anyMatch(error -> error.contains("MedicationRequest") && error.contains("replaced"));

        Bundle bundle = parse(json);
        String encounterUrl = fullUrlOf(bundle, Encounter.class);
        String broken = json.replace("\"fullUrl\": \"" + encounterUrl + "\"", "\"fullUrl\": \"urn:uuid:" + UUID.randomUUID() + "\"");
        assertThat(broken).isNotEqualTo(json);
        assertThat(FhirValidation.problems(broken))
                .anyMatch(problem -> problem.contains("URN reference is not locally contained within the bundle " + encounterUrl));
    }

    @Test
    void onlyTheParticipantsGetAConsultationAndEveryRefusalIsAudited() {
        PatientProfile patient = newPatient();
        Appointment appointment = consultation(clinic.doctor(DemoUsers.RAJESH), patient, false);
        for (String outsider : List.of(DemoUsers.SNEHA, DemoUsers.KRIYA, DemoUsers.ADMIN)) {
            actAs(users, outsider);
            assertThatThrownBy(() -> export.encounterEverything(appointment.getId())).isInstanceOf(NotFoundOrDeniedException.class);
            assertThat(auditEvents.findByActorEmailOrderByIdAsc(outsider).getLast())
                    .satisfies(e -> {
                        assertThat(e.getAction()).isEqualTo(AuditAction.RECORD_EXPORTED);
                        assertThat(e.getOutcome()).isEqualTo(AuditOutcome.DENIED);
                        assertThat(e.getRecordId()).isEqualTo(appointment.getId());
                    });
        }
        SecurityTestSupport.signOut();
        assertThatThrownBy(() -> export.encounterEverything(appointment.getId())).isInstanceOf(NotFoundOrDeniedException.class);
    }

    @Test
    void aPatientsRecordIsRefusedToOtherPatientsToDoctorsWithoutAnAppointmentAndToAdministrators() {
        PatientProfile patient = newPatient();
        consultation(clinic.doctor(DemoUsers.RAJESH), patient, false);
        for (String outsider : List.of(DemoUsers.SNEHA, DemoUsers.KRIYA, DemoUsers.ADMIN)) {
            actAs(users, outsider);
            assertThatThrownBy(() -> export.patientEverything(patient.getId())).isInstanceOf(NotFoundOrDeniedException.class);
            assertThat(auditEvents.findByActorEmailOrderByIdAsc(outsider).getLast())
                    .satisfies(e -> {
                        assertThat(e.getAction()).isEqualTo(AuditAction.RECORD_EXPORTED);
                        assertThat(e.getOutcome()).isEqualTo(AuditOutcome.DENIED);
                        assertThat(e.getRecordType()).isEqualTo("patient_record");
                        assertThat(e.getRecordId()).isEqualTo(patient.getId());
                    });
        }
        actAs(users, DemoUsers.RAJESH);
        assertThatThrownBy(() -> export.patientEverything(Long.MAX_VALUE)).isInstanceOf(NotFoundOrDeniedException.class);
    }

    // ---- over HTTP -----------------------------------------------------------------------

    @Test
    void overHttpTheParticipantsDownloadFhirJsonAndOthersGetNotFound() throws Exception {
        PatientProfile patient = newPatient();
        Appointment appointment = consultation(clinic.doctor(DemoUsers.RAJESH), patient, true);
        String encounterPath = FhirExportLinks.encounterEverything(appointment.getId());
        String patientPath = FhirExportLinks.patientEverything(patient.getId());

        SignedInHttp asPatient = SignedInHttp.as(port, patient.getAccount().getEmail(), ClinicFixtures.PASSWORD);
        for (String path : List.of(encounterPath, patientPath)) {
            HttpResponse<String> response = asPatient.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/fhir+json"));
            assertSecurityHeaders(response, path);
            assertValid(response.body());
            assertThat(all(parse(response.body()), Encounter.class)).hasSize(1);
        }

        SignedInHttp asDoctor = SignedInHttp.as(port, DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        assertThat(asDoctor.get(encounterPath).statusCode()).isEqualTo(200);
        assertThat(asDoctor.get(patientPath).statusCode()).isEqualTo(200);

        for (var outsider : List.of(SignedInHttp.as(port, DemoUsers.SNEHA, DemoUsers.DOCTOR_PASSWORD),
                SignedInHttp.as(port, DemoUsers.ARJUN, DemoUsers.PATIENT_PASSWORD),
                SignedInHttp.as(port, DemoUsers.ADMIN, DemoUsers.ADMIN_PASSWORD))) {
            for (String path : List.of(encounterPath, patientPath, FhirExportLinks.encounterEverything(Long.MAX_VALUE))) {
                HttpResponse<String> refused = outsider.get(path);
                assertThat(refused.statusCode()).as(path).isEqualTo(404);
                assertThat(FhirContext.forR4Cached().newJsonParser().parseResource(OperationOutcome.class, refused.body())
                        .getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
                assertThat(refused.body()).doesNotContain(patient.getDisplayName());
            }
        }
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("appointment", appointment.getId()))
                .filteredOn(e -> e.getAction() == AuditAction.RECORD_EXPORTED && e.getOutcome() == AuditOutcome.DENIED)
                .extracting(AuditEvent::getActorEmail).contains(DemoUsers.SNEHA, DemoUsers.ARJUN, DemoUsers.ADMIN);

        HttpResponse<String> anonymous = SignedInHttp.anonymous(port).get(encounterPath);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(anonymous.body()).doesNotContain(patient.getDisplayName());
    }

    @Test
    void metadataListsExactlyTheTwoOperations() throws Exception {
        HttpResponse<String> response = SignedInHttp.anonymous(port).get(FhirExportLinks.BASE + "/metadata");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
        assertSecurityHeaders(response, "/fhir/metadata");
        assertValid(response.body());
        CapabilityStatement statement = FhirContext.forR4Cached().newJsonParser().parseResource(CapabilityStatement.class, response.body());
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getFormat()).extracting(format -> format.getValue()).containsExactly("application/fhir+json");
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(resource -> resource.getType() + " " + resource.getOperation().stream()
                        .map(operation -> "$" + operation.getName() + " " + operation.getDefinition()).collect(Collectors.joining(", ")))
                .containsExactly(
                        "Encounter $everything http://hl7.org/fhir/OperationDefinition/Encounter-everything",
                        "Patient $everything http://hl7.org/fhir/OperationDefinition/Patient-everything");
        assertThat(statement.getRestFirstRep().getResource()).allSatisfy(resource -> assertThat(resource.getInteraction()).isEmpty());
    }

    // ---- fixtures and checks -------------------------------------------------------------

    private PatientProfile newPatient() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return accounts.createPatient("fhir-" + tag + "@fixture.test", "Meera Iyer " + tag, ClinicFixtures.PASSWORD,
                LocalDate.of(1988, 7, 14), "+91 98200 12345");
    }

    /**
     * A held consultation: the call ran, doctor and patient chatted; with a prescription, the
     * doctor issued the cardiology example during the call and corrected it after the call.
     */
    private Appointment consultation(DoctorProfile doctor, PatientProfile patient, boolean prescribed) {
        Instant startsAt = FIRST_SLOT.plus(Duration.ofHours(NEXT_SLOT.getAndIncrement()));
        Appointment appointment = clinic.appointment(doctor, patient, startsAt, AppointmentStatus.IN_PROGRESS);
        String doctorEmail = doctor.getAccount().getEmail();
        actAs(users, doctorEmail);
        chat.send(appointment.getId(), UUID.randomUUID(), "Good morning, how is the chest pain?");
        actAs(users, patient.getAccount().getEmail());
        chat.send(appointment.getId(), UUID.randomUUID(), "Better since yesterday <b>thanks</b>");
        actAs(users, doctorEmail);
        if (prescribed) {
            Prescription first = prescriptions.issue(appointment.getId(), PrescriptionFixtures.cardiology(), CallPhase.DURING_CALL);
            var original = PrescriptionFixtures.cardiology();
            var raised = new PrescriptionContent("Stable angina, dose raised", original.notes(), original.followUpOn(), List.of(
                    new MedicationLine("Amlodipine", "10 mg", "Oral", "Once daily", "30 days", "30 tablets", "Take in the morning"),
                    original.medications().get(1)));
            prescriptions.correct(first.getId(), raised, CallPhase.AFTER_CALL);
        } else {
            appointments.endCall(appointment.getId());
        }
        SecurityTestSupport.signOut();
        return clinic.reload(appointment);
    }

    private static String idOf(Appointment appointment) {
        return String.valueOf(appointment.getId());
    }

    /** Zero errors, and no warnings either but the advice to add narratives. */
    private static void assertValid(String json) {
        assertThat(FhirValidation.problems(json)).as("HL7 validator errors and warnings").isEmpty();
    }

    private static void assertSecurityHeaders(HttpResponse<String> response, String path) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
    }

    private static Bundle parse(String json) {
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
    }

    private static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends Resource> T single(Bundle bundle, Class<T> type) {
        List<T> found = all(bundle, type);
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.getFirst();
    }

    private static String fullUrlOf(Bundle bundle, Class<? extends Resource> type) {
        return fullUrlOf(bundle, single(bundle, type));
    }

    private static String fullUrlOf(Bundle bundle, Resource resource) {
        return bundle.getEntry().stream().filter(e -> e.getResource() == resource).findFirst().orElseThrow().getFullUrl();
    }

    private static void assertEveryReferenceResolves(Bundle bundle) {
        Set<String> fullUrls = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).collect(Collectors.toSet());
        assertThat(fullUrls).allMatch(url -> url.startsWith("urn:uuid:")).hasSize(bundle.getEntry().size());
        var terser = FhirContext.forR4Cached().newTerser();
        for (var entry : bundle.getEntry()) {
            for (Reference reference : terser.getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
                assertThat(fullUrls).as(entry.getResource().fhirType() + " refers to " + reference.getReference())
                        .contains(reference.getReference());
            }
        }
    }

    private void assertIdentifierSystemsAreTheClinics(Bundle bundle) {
        var terser = FhirContext.forR4Cached().newTerser();
        assertThat(bundle.getEntry()).filteredOn(entry -> !(entry.getResource() instanceof Provenance)).allSatisfy(entry -> assertThat(terser.getAllPopulatedChildElementsOfType(entry.getResource(), Identifier.class))
                .isNotEmpty().allSatisfy(identifier -> assertThat(identifier.getSystem()).startsWith(identifierBase + "/")));
        assertThat(identifierBase).startsWith("https://").doesNotContain("example.");
    }
}
