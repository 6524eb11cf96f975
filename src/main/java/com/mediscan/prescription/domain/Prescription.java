package com.mediscan.prescription.domain;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.domain.AbstractEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of an appointment's prescription. A draft changes freely while the doctor writes
 * (it is autosaved); once issued it is signed and never changes again: a correction is a new
 * version that supersedes it, and both stay in the patient's record.
 */
@Entity
@Table(name = "prescription")
public class Prescription extends AbstractEntity {

    public static final int DIAGNOSIS_MAX = Appointment.DIAGNOSIS_MAX;
    public static final int NOTES_MAX = 2000;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "appointment_id", nullable = false, updatable = false)
    private Appointment appointment;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "doctor_id", nullable = false, updatable = false)
    private DoctorProfile doctor;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "patient_id", nullable = false, updatable = false)
    private PatientProfile patient;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int versionNumber;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supersedes_id", updatable = false)
    private Prescription supersedes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PrescriptionStatus status = PrescriptionStatus.DRAFT;

    @Column(length = DIAGNOSIS_MAX)
    private String diagnosis;

    @Column(length = NOTES_MAX)
    private String notes;

    @Column(name = "follow_up_on")
    private LocalDate followUpOn;

    @Column(name = "draft_saved_at")
    private Instant draftSavedAt;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "signed_by_id")
    private DoctorProfile signedBy;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "draft_of_appointment_id")
    private Long draftOfAppointmentId;

    @OneToMany(mappedBy = "prescription", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("lineNumber")
    private List<PrescriptionItem> items = new ArrayList<>();

    protected Prescription() {
    }

    /** A new draft for the appointment; {@code supersedes} is the issued version it will correct, if any. */
    public Prescription(Appointment appointment, Prescription supersedes) {
        if (supersedes != null && supersedes.status != PrescriptionStatus.ISSUED) {
            throw new IllegalArgumentException("Only the issued version can be corrected");
        }
        this.appointment = appointment;
        this.doctor = appointment.getDoctor();
        this.patient = appointment.getPatient();
        this.supersedes = supersedes;
        this.versionNumber = supersedes == null ? 1 : supersedes.versionNumber + 1;
        this.draftOfAppointmentId = appointment.getId();
    }

    /** Replaces what the draft holds; an issued prescription refuses. */
    public void write(PrescriptionContent content, Instant savedAt) {
        requireDraft();
        diagnosis = content.diagnosis();
        notes = content.notes();
        followUpOn = content.followUpOn();
        List<MedicationLine> lines = content.medications();
        // Lines are rewritten in place and only trailing ones removed, so line numbers never collide on flush.
        for (int index = 0; index < lines.size(); index++) {
            if (index < items.size()) {
                items.get(index).write(lines.get(index));
            } else {
                items.add(new PrescriptionItem(this, index + 1, lines.get(index)));
            }
        }
        while (items.size() > lines.size()) {
            items.removeLast();
        }
        draftSavedAt = savedAt;
    }

    /**
     * Signs the draft: from now on it is the appointment's valid prescription and the version it
     * corrects, if any, is superseded. The caller has checked {@link PrescriptionRules} first.
     */
    public void issue(DoctorProfile signer, Instant at) {
        requireDraft();
        if (!signer.equals(doctor)) {
            throw new BusinessRuleException("Only the appointment's doctor can sign its prescription.");
        }
        if (items.stream().anyMatch(item -> item.line().isEmpty())) {
            throw new IllegalStateException("Empty medication lines are removed before issuing");
        }
        status = PrescriptionStatus.ISSUED;
        signedBy = signer;
        signedAt = at;
        draftOfAppointmentId = null;
        if (supersedes != null) {
            supersedes.supersede();
        }
    }

    private void supersede() {
        if (status != PrescriptionStatus.ISSUED) {
            throw new BusinessRuleException("This prescription has already been corrected.");
        }
        status = PrescriptionStatus.SUPERSEDED;
    }

    private void requireDraft() {
        if (status != PrescriptionStatus.DRAFT) {
            throw new BusinessRuleException("An issued prescription cannot be changed. Save a correction instead.");
        }
    }

    public PrescriptionContent content() {
        return new PrescriptionContent(diagnosis, notes, followUpOn, items.stream().map(PrescriptionItem::line).toList());
    }

    public boolean isDraft() {
        return status == PrescriptionStatus.DRAFT;
    }

    public Appointment getAppointment() {
        return appointment;
    }

    public DoctorProfile getDoctor() {
        return doctor;
    }

    public PatientProfile getPatient() {
        return patient;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    /** The id of the version this one corrects, or null for a first version. */
    public Long getSupersedesId() {
        return supersedes == null ? null : supersedes.getId();
    }

    public PrescriptionStatus getStatus() {
        return status;
    }

    public String getDiagnosis() {
        return diagnosis;
    }

    public String getNotes() {
        return notes;
    }

    public LocalDate getFollowUpOn() {
        return followUpOn;
    }

    public Instant getDraftSavedAt() {
        return draftSavedAt;
    }

    public DoctorProfile getSignedBy() {
        return signedBy;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public List<MedicationLine> getMedications() {
        return items.stream().map(PrescriptionItem::line).toList();
    }
}
