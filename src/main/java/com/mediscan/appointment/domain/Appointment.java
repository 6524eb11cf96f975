package com.mediscan.appointment.domain;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.UserAccount;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

@Entity
@Table(name = "appointment")
public class Appointment extends AbstractEntity {

    public static final int REASON_MAX = 500;
    public static final int DIAGNOSIS_MAX = 500;
    /** The longest appointment the schema allows (ck_appointment_duration). */
    public static final Duration LONGEST = Duration.ofMinutes(240);

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "doctor_id", nullable = false)
    private DoctorProfile doctor;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private PatientProfile patient;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AppointmentStatus status = AppointmentStatus.SCHEDULED;

    @Column(length = REASON_MAX)
    private String reason;

    @Column(length = DIAGNOSIS_MAX)
    private String diagnosis;

    @Column(name = "call_started_at")
    private Instant callStartedAt;

    @Column(name = "call_ended_at")
    private Instant callEndedAt;

    @Column(name = "booked_slot")
    private Instant bookedSlot;

    protected Appointment() {
    }

    public Appointment(DoctorProfile doctor, PatientProfile patient, Instant startsAt, Duration duration, String reason) {
        this.doctor = doctor;
        this.patient = patient;
        this.startsAt = startsAt;
        this.durationMinutes = Math.toIntExact(duration.toMinutes());
        this.reason = reason == null ? null : reason.strip();
        this.bookedSlot = startsAt;
    }

    public void moveTo(AppointmentStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new BusinessRuleException("This appointment " + status.describe() + ", so it cannot be " + target.asTarget() + ".");
        }
        if (target == AppointmentStatus.IN_PROGRESS && callStartedAt == null) {
            callStartedAt = now;
        }
        if (target == AppointmentStatus.COMPLETED) {
            callEndedAt = now;
        }
        status = target;
        if (target == AppointmentStatus.CANCELLED) {
            bookedSlot = null;
        }
    }

    public void reschedule(Instant startsAt) {
        checkReschedulable();
        this.startsAt = startsAt;
        this.bookedSlot = startsAt;
    }

    public void checkReschedulable() {
        if (status != AppointmentStatus.SCHEDULED) {
            throw new BusinessRuleException("This appointment " + status.describe() + ", so it cannot be rescheduled.");
        }
    }

    /** Still to come for its participants: not ended, and a scheduled one not yet over. */
    public boolean isUpcoming(Instant now) {
        return status == AppointmentStatus.WAITING || status == AppointmentStatus.IN_PROGRESS
                || status == AppointmentStatus.SCHEDULED && getEndsAt().isAfter(now);
    }

    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && getEndsAt().isAfter(start);
    }

    public boolean involves(Long accountId) {
        return doctor.getAccount().getId().equals(accountId) || patient.getAccount().getId().equals(accountId);
    }

    /** The participant's account: the doctor's when the id is the doctor's, else the patient's (callers checked {@link #involves}). */
    public UserAccount participantAccount(long accountId) {
        UserAccount doctorAccount = doctor.getAccount();
        return doctorAccount.getId() == accountId ? doctorAccount : patient.getAccount();
    }

    public DoctorProfile getDoctor() {
        return doctor;
    }

    public PatientProfile getPatient() {
        return patient;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return startsAt.plus(getDuration());
    }

    public Duration getDuration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public AppointmentStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getDiagnosis() {
        return diagnosis;
    }

    public void recordDiagnosis(String diagnosis) {
        this.diagnosis = diagnosis;
    }

    public Instant getCallStartedAt() {
        return callStartedAt;
    }

    public Instant getCallEndedAt() {
        return callEndedAt;
    }
}
