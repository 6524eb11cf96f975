package com.mediscan.prescription.service;

import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.Role;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.service.AppointmentAccess;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionContent;
import com.mediscan.prescription.domain.PrescriptionRepository;
import com.mediscan.prescription.domain.PrescriptionRules;
import com.mediscan.prescription.domain.PrescriptionStatus;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writing, signing, correcting and reading prescriptions. Only the appointment's doctor writes;
 * only its doctor and patient read. Every read, print and save is audited, refusals included.
 */
@Service
@Transactional
public class PrescriptionService {

    private static final Set<PrescriptionStatus> SIGNED = EnumSet.of(PrescriptionStatus.ISSUED, PrescriptionStatus.SUPERSEDED);
    private static final Set<AppointmentStatus> CONSULTED = EnumSet.of(AppointmentStatus.IN_PROGRESS, AppointmentStatus.COMPLETED);
    private static final String RECORD_TYPE = "prescription";
    private static final String PATIENT_RECORD = "patient_record";

    private final PrescriptionRepository prescriptions;
    private final AppointmentRepository appointments;
    private final PatientProfileRepository patients;
    private final AppointmentAccess access;
    private final AppointmentService appointmentService;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final RoomBus roomBus;
    private final PrescriptionPdf pdf;
    private final Clock clock;

    public PrescriptionService(PrescriptionRepository prescriptions, AppointmentRepository appointments,
                               PatientProfileRepository patients, AppointmentAccess access,
                               AppointmentService appointmentService, CurrentUser currentUser, AuditService audit,
                               RoomBus roomBus, PrescriptionPdf pdf, Clock clock) {
        this.prescriptions = prescriptions;
        this.appointments = appointments;
        this.patients = patients;
        this.access = access;
        this.appointmentService = appointmentService;
        this.currentUser = currentUser;
        this.audit = audit;
        this.roomBus = roomBus;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** The clinic's name as printed on prescriptions. */
    public String clinicName() {
        return pdf.clinicName();
    }

    /** What the doctor's form opens with for this appointment. */
    public PrescriptionDraft openDraft(long appointmentId) {
        Appointment appointment = access.requireDoctor(appointmentId, AuditAction.PRESCRIPTION_READ);
        Prescription issued = currentIssued(appointmentId);
        Prescription draft = openDraftRow(appointment, issued);
        audit.record(AuditAction.PRESCRIPTION_READ, AuditOutcome.ALLOWED, AppointmentService.subject(appointment), "draft opened");
        if (draft != null) {
            return new PrescriptionDraft(draft.content(), draft.getVersionNumber(), draft.getDraftSavedAt(), issued);
        }
        if (issued != null) {
            return new PrescriptionDraft(issued.content(), issued.getVersionNumber() + 1, null, issued);
        }
        return new PrescriptionDraft(PrescriptionContent.empty(), 1, null, null);
    }

    /**
     * Keeps what the doctor has written so far, complete or not, so a dropped call or a reload
     * loses nothing. Unchanged content is not written again.
     */
    public PrescriptionDraft saveDraft(long appointmentId, PrescriptionContent content) {
        Appointment appointment = access.requireDoctor(appointmentId, AuditAction.PRESCRIPTION_SAVED);
        requireOpenForWriting(appointment);
        Prescription issued = currentIssued(appointmentId);
        Prescription draft = openDraftRow(appointment, issued);
        PrescriptionContent fitted = PrescriptionRules.fitted(content);
        if (draft != null && draft.content().equals(fitted)) {
            return new PrescriptionDraft(draft.content(), draft.getVersionNumber(), draft.getDraftSavedAt(), issued);
        }
        if (draft == null) {
            draft = new Prescription(appointment, issued);
        }
        draft.write(fitted, now());
        draft = prescriptions.saveAndFlush(draft);
        audit.record(AuditAction.PRESCRIPTION_SAVED, AuditOutcome.ALLOWED, subject(draft), "draft of version " + draft.getVersionNumber() + " saved");
        return new PrescriptionDraft(draft.content(), draft.getVersionNumber(), draft.getDraftSavedAt(), issued);
    }

    /**
     * Checks the content again, signs it as the appointment's doctor and puts the diagnosis on
     * the appointment. When a version was issued before, this is a correction that supersedes it.
     */
    public Prescription issue(long appointmentId, PrescriptionContent content, CallPhase phase) {
        Appointment appointment = access.requireDoctor(appointmentId, AuditAction.PRESCRIPTION_SAVED);
        requireOpenForWriting(appointment);
        if (!CONSULTED.contains(appointment.getStatus())) {
            refuse(appointment, "A prescription can be issued once the consultation has started.");
        }
        List<PrescriptionRules.Problem> problems = PrescriptionRules.check(content, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            audit.record(AuditAction.PRESCRIPTION_SAVED, AuditOutcome.FAILED, AppointmentService.subject(appointment),
                    "not issued: " + problems.stream().map(PrescriptionRules.Problem::field).collect(Collectors.joining(", ")));
            throw new PrescriptionValidationException(problems);
        }
        PrescriptionContent complete = content.withoutEmptyMedications();
        Prescription issued = currentIssued(appointmentId);
        if (issued != null && issued.content().equals(complete)) {
            refuse(appointment, "Version " + issued.getVersionNumber() + " already says exactly this. Change something to issue a correction.");
        }
        Prescription draft = openDraftRow(appointment, issued);
        if (draft == null) {
            draft = new Prescription(appointment, issued);
        }
        draft.write(complete, now());
        draft.issue(appointment.getDoctor(), now());
        Prescription signed = prescriptions.saveAndFlush(draft);

        appointment.recordDiagnosis(complete.diagnosis());
        audit.record(AuditAction.APPOINTMENT_CHANGED, AuditOutcome.ALLOWED, AppointmentService.subject(appointment),
                "diagnosis recorded from prescription version " + signed.getVersionNumber());
        if (phase == CallPhase.AFTER_CALL && appointment.getStatus() == AppointmentStatus.IN_PROGRESS) {
            appointmentService.endCall(appointmentId);
        }
        audit.record(AuditAction.PRESCRIPTION_SAVED, AuditOutcome.ALLOWED, subject(signed),
                issued == null ? "version 1 issued" : "version " + signed.getVersionNumber() + " issued, supersedes version " + issued.getVersionNumber());
        publishAfterCommit(new PrescriptionIssued(appointmentId, currentUser.require().accountId(), signed.getId(),
                signed.getVersionNumber(), appointment.getDoctor().getDisplayName()));
        return signed;
    }

    /** A new version that supersedes the given one, which must be the version in force. */
    public Prescription correct(long prescriptionId, PrescriptionContent content, CallPhase phase) {
        Prescription original = prescriptions.findById(prescriptionId).filter(p -> !p.isDraft()).orElse(null);
        if (original == null) {
            refuseMissing(prescriptionId, AuditAction.PRESCRIPTION_SAVED);
        }
        Appointment appointment = access.requireDoctor(original.getAppointment().getId(), AuditAction.PRESCRIPTION_SAVED);
        if (original.getStatus() != PrescriptionStatus.ISSUED) {
            refuse(appointment, "Version " + original.getVersionNumber() + " has already been corrected. Correct the latest version instead.");
        }
        return issue(appointment.getId(), content, phase);
    }

    /** Every signed version of the appointment's prescription, newest first, for its doctor and patient. */
    @Transactional(readOnly = true)
    public List<Prescription> signedVersions(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.PRESCRIPTION_READ);
        List<Prescription> versions = prescriptions.findByAppointmentIdAndStatusInOrderByVersionNumberDesc(appointmentId, SIGNED);
        audit.record(AuditAction.PRESCRIPTION_READ, AuditOutcome.ALLOWED, AppointmentService.subject(appointment),
                versions.size() + " signed versions");
        return versions;
    }

    /** One signed prescription, for its doctor and patient. */
    @Transactional(readOnly = true)
    public Prescription read(long prescriptionId) {
        return signedFor(prescriptionId, AuditAction.PRESCRIPTION_READ, "read");
    }

    /** One signed prescription as it is printed; the print is audited. */
    @Transactional(readOnly = true)
    public Prescription printable(long prescriptionId) {
        return signedFor(prescriptionId, AuditAction.PRESCRIPTION_PRINTED, "print view");
    }

    /** The signed prescription as a PDF, dates in the reader's zone; the download is audited. */
    @Transactional(readOnly = true)
    public PdfFile pdf(long prescriptionId, ZoneId zone) {
        Prescription prescription = signedFor(prescriptionId, AuditAction.PRESCRIPTION_PRINTED, "PDF");
        return new PdfFile(pdf.fileName(prescription), pdf.render(prescription, zone));
    }

    /**
     * For the appointment's doctor: the patient's valid prescriptions from earlier consultations,
     * with any doctor, newest first. Reaching them through an appointment keeps them to patients
     * the doctor actually sees.
     */
    @Transactional(readOnly = true)
    public List<Prescription> earlierPrescriptions(long appointmentId) {
        Appointment appointment = access.requireDoctor(appointmentId, AuditAction.RECORD_VIEWED);
        List<Prescription> earlier = prescriptions.findEarlier(appointment.getPatient().getId(), appointmentId,
                appointment.getStartsAt(), PrescriptionStatus.ISSUED);
        audit.record(AuditAction.RECORD_VIEWED, AuditOutcome.ALLOWED, AppointmentService.subject(appointment),
                earlier.size() + " earlier prescriptions");
        return earlier;
    }

    /** One consultation's record, for its doctor and patient. */
    @Transactional(readOnly = true)
    public ConsultationRecord record(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.RECORD_VIEWED);
        List<Prescription> versions = prescriptions.findByAppointmentIdAndStatusInOrderByVersionNumberDesc(appointmentId, SIGNED);
        audit.record(AuditAction.RECORD_VIEWED, AuditOutcome.ALLOWED, AppointmentService.subject(appointment), "consultation record");
        return new ConsultationRecord(appointment, versions);
    }

    /** The signed-in patient's consultations (held or under way), newest first, each with its prescriptions. */
    @Transactional(readOnly = true)
    public List<ConsultationRecord> myRecords() {
        SignedInUser user = currentUser.find().orElse(null);
        if (user == null || !user.is(Role.PATIENT)) {
            audit.record(AuditAction.RECORD_VIEWED, AuditOutcome.DENIED, new AuditService.Subject(PATIENT_RECORD, null, null),
                    user == null ? "not signed in" : "not a patient");
            throw new NotFoundOrDeniedException();
        }
        List<ConsultationRecord> records = consultationsOf(appointments.findByPatientAccountIdOrderByStartsAtDesc(user.accountId()));
        audit.record(AuditAction.RECORD_VIEWED, AuditOutcome.ALLOWED, new AuditService.Subject(PATIENT_RECORD, null, user.accountId()),
                records.size() + " consultations");
        return records;
    }

    /**
     * A patient's record as the asker may see it: the patient their own, every consultation; a
     * doctor who has an appointment with the patient, the consultations that doctor held.
     * Anyone else is refused as if the patient did not exist, and audited.
     */
    @Transactional(readOnly = true)
    public PatientRecord patientRecord(long patientProfileId) {
        SignedInUser user = currentUser.find().orElse(null);
        PatientProfile patient = patients.findById(patientProfileId).orElse(null);
        Long patientAccountId = patient == null ? null : patient.getAccount().getId();
        List<Appointment> visible = null;
        if (user != null && patient != null && user.is(Role.PATIENT) && patientAccountId.equals(user.accountId())) {
            visible = appointments.findByPatientAccountIdOrderByStartsAtDesc(patientAccountId);
        } else if (user != null && patient != null && user.is(Role.DOCTOR)) {
            List<Appointment> together = appointments.findByDoctorAccountIdAndPatientIdOrderByStartsAtDesc(user.accountId(), patientProfileId);
            visible = together.isEmpty() ? null : together;
        }
        AuditService.Subject subject = new AuditService.Subject(PATIENT_RECORD, patientProfileId, patientAccountId);
        if (visible == null) {
            audit.record(AuditAction.RECORD_VIEWED, AuditOutcome.DENIED, subject,
                    user == null ? "not signed in" : patient == null ? "no such patient" : "not this patient's doctor or the patient");
            throw new NotFoundOrDeniedException();
        }
        List<ConsultationRecord> records = consultationsOf(visible);
        audit.record(AuditAction.RECORD_VIEWED, AuditOutcome.ALLOWED, subject, "patient record, " + records.size() + " consultations");
        return new PatientRecord(patient, records);
    }

    /** Of the given appointments (newest first), those held or under way or with a prescription, each with its signed versions. */
    private List<ConsultationRecord> consultationsOf(List<Appointment> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Long patientAccountId = candidates.getFirst().getPatient().getAccount().getId();
        Map<Long, List<Prescription>> byAppointment = prescriptions
                .findByPatientAccountIdAndStatusInOrderBySignedAtDescVersionNumberDesc(patientAccountId, SIGNED).stream()
                .collect(Collectors.groupingBy(p -> p.getAppointment().getId(), LinkedHashMap::new, Collectors.toList()));
        return candidates.stream()
                .filter(a -> CONSULTED.contains(a.getStatus()) || byAppointment.containsKey(a.getId()))
                .map(a -> new ConsultationRecord(a, byAppointment.getOrDefault(a.getId(), List.of())))
                .toList();
    }

    private Prescription signedFor(long prescriptionId, AuditAction action, String detail) {
        Prescription prescription = prescriptions.findById(prescriptionId).filter(p -> !p.isDraft()).orElse(null);
        if (prescription == null) {
            refuseMissing(prescriptionId, action);
        }
        access.requireParticipant(prescription.getAppointment().getId(), action);
        audit.record(action, AuditOutcome.ALLOWED, subject(prescription), detail);
        return prescription;
    }

    /** Now, at the precision both databases store, so a saved time reads back equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Prescription currentIssued(long appointmentId) {
        return prescriptions.findByAppointmentIdAndStatus(appointmentId, PrescriptionStatus.ISSUED).orElse(null);
    }

    /**
     * The appointment's open draft, if it still builds on the version in force. A draft started
     * before another version was issued (in a second window, say) is stale and is dropped.
     */
    private Prescription openDraftRow(Appointment appointment, Prescription issued) {
        Prescription draft = prescriptions.findByDraftOfAppointmentId(appointment.getId()).orElse(null);
        Long expectedBasis = issued == null ? null : issued.getId();
        if (draft != null && !Objects.equals(draft.getSupersedesId(), expectedBasis)) {
            prescriptions.delete(draft);
            prescriptions.flush();
            return null;
        }
        return draft;
    }

    private void requireOpenForWriting(Appointment appointment) {
        if (appointment.getStatus() == AppointmentStatus.CANCELLED || appointment.getStatus() == AppointmentStatus.NO_SHOW) {
            refuse(appointment, "This appointment was " + appointment.getStatus().label().toLowerCase()
                    + " and cannot have a prescription.");
        }
    }

    private void refuse(Appointment appointment, String reason) {
        audit.record(AuditAction.PRESCRIPTION_SAVED, AuditOutcome.DENIED, AppointmentService.subject(appointment), reason);
        throw new BusinessRuleException(reason);
    }

    private void refuseMissing(long prescriptionId, AuditAction action) {
        audit.record(action, AuditOutcome.DENIED, new AuditService.Subject(RECORD_TYPE, prescriptionId, null), "no such prescription");
        throw new NotFoundOrDeniedException();
    }

    private static AuditService.Subject subject(Prescription prescription) {
        return new AuditService.Subject(RECORD_TYPE, prescription.getId(), prescription.getPatient().getAccount().getId());
    }

    private void publishAfterCommit(RoomEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            roomBus.publish(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                roomBus.publish(event);
            }
        });
    }
}
