package com.mediscan.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.Role;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.chat.service.ChatEntry;
import com.mediscan.chat.service.ChatService;
import com.mediscan.prescription.service.ConsultationRecord;
import com.mediscan.prescription.service.PatientRecord;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record as FHIR R4 JSON. It reads through the prescription and chat services, so their
 * access rules decide what may leave: a consultation for its doctor and patient, a patient's
 * record for the patient and for doctors who see them. Every export, and every refusal, is audited.
 */
@Service
@Transactional(readOnly = true)
public class FhirExportService {

    private final PrescriptionService prescriptions;
    private final ChatService chats;
    private final PatientProfileRepository patients;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final RecordBundles bundles;
    private final FhirCapabilities capabilities;
    private final FhirContext fhir;

    public FhirExportService(PrescriptionService prescriptions, ChatService chats, PatientProfileRepository patients,
                             CurrentUser currentUser, AuditService audit, RecordBundles bundles, FhirCapabilities capabilities,
                             FhirContext fhir) {
        this.prescriptions = prescriptions;
        this.chats = chats;
        this.patients = patients;
        this.currentUser = currentUser;
        this.audit = audit;
        this.bundles = bundles;
        this.capabilities = capabilities;
        this.fhir = fhir;
    }

    /** One consultation as a Bundle: Encounter $everything. */
    public String encounterEverything(long appointmentId) {
        AuditService.Subject asked = new AuditService.Subject("appointment", appointmentId, null);
        ConsultationRecord record = refusedAudited(asked, "consultation", () -> prescriptions.record(appointmentId));
        List<ChatEntry> chat = refusedAudited(asked, "consultation", () -> chats.transcript(appointmentId));
        Bundle bundle = bundles.consultation(record, chat);
        audit.record(AuditAction.RECORD_EXPORTED, AuditOutcome.ALLOWED, AppointmentService.subject(record.appointment()),
                "FHIR Encounter $everything, " + bundle.getEntry().size() + " resources");
        return json(bundle);
    }

    /** A patient's record as a Bundle: Patient $everything. */
    public String patientEverything(long patientProfileId) {
        AuditService.Subject asked = new AuditService.Subject("patient_record", patientProfileId, null);
        PatientRecord record = refusedAudited(asked, "patient record", () -> prescriptions.patientRecord(patientProfileId));
        Map<Long, List<ChatEntry>> chat = new LinkedHashMap<>();
        for (ConsultationRecord consultation : record.consultations()) {
            long appointmentId = consultation.appointment().getId();
            chat.put(appointmentId, refusedAudited(asked, "patient record", () -> chats.transcript(appointmentId)));
        }
        Bundle bundle = bundles.patient(record, chat);
        audit.record(AuditAction.RECORD_EXPORTED, AuditOutcome.ALLOWED,
                new AuditService.Subject("patient_record", patientProfileId, record.patient().getAccount().getId()),
                "FHIR Patient $everything, " + record.consultations().size() + " consultations, " + bundle.getEntry().size() + " resources");
        return json(bundle);
    }

    /** The signed-in patient's own patient id, for the link to their whole record. */
    public Optional<Long> myPatientId() {
        return currentUser.find().filter(user -> user.is(Role.PATIENT))
                .flatMap(user -> patients.findByAccountId(user.accountId())).map(PatientProfile::getId);
    }

    /** What this server offers: the CapabilityStatement of GET /fhir/metadata. */
    public String capabilityStatement() {
        return json(capabilities.statement());
    }

    /** The answer to a refused or missing record: the same "not found" either way. */
    public String notFound() {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.NOTFOUND)
                .setDiagnostics("No such record, or not yours to see.");
        return json(outcome);
    }

    private <T> T refusedAudited(AuditService.Subject asked, String what, Supplier<T> read) {
        try {
            return read.get();
        } catch (NotFoundOrDeniedException refused) {
            audit.record(AuditAction.RECORD_EXPORTED, AuditOutcome.DENIED, asked, "FHIR export of " + what + " refused");
            throw refused;
        }
    }

    private String json(Resource resource) {
        return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }
}
