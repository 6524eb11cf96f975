package com.mediscan.appointment.domain;

import com.mediscan.account.domain.PatientProfile;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A patient's check-in for one appointment: identity confirmed by the date of birth on file (the
 * answer is compared, never kept), where the patient is during the visit, and optionally an updated
 * reason and a call-back number. Wrong answers are counted; the {@value #MAX_IDENTITY_ATTEMPTS}th
 * locks the check-in until the clinic unlocks it.
 */
@Entity
@Table(name = "check_in")
public class CheckIn extends AbstractEntity {

    public static final int MAX_IDENTITY_ATTEMPTS = 3;
    public static final int LOCATION_DETAIL_MAX = 200;
    public static final int PHONE_MAX = PatientProfile.PHONE_MAX;

    public enum IdentityOutcome { CONFIRMED, WRONG, LOCKED }

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "appointment_id", nullable = false, unique = true, updatable = false)
    private Appointment appointment;

    @Column(name = "failed_identity_attempts", nullable = false)
    private int failedIdentityAttempts;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Column(name = "unlocked_at")
    private Instant unlockedAt;

    @Column(name = "identity_confirmed_at")
    private Instant identityConfirmedAt;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "consent_agreement_id")
    private ConsentAgreement consentAgreement;

    @Column(name = "country_code", length = 2)
    private String countryCode;

    @Column(name = "region_code", length = 8)
    private String regionCode;

    @Column(name = "location_detail", length = LOCATION_DETAIL_MAX)
    private String locationDetail;

    @Column(name = "updated_reason", length = Appointment.REASON_MAX)
    private String updatedReason;

    @Column(name = "callback_phone", length = PHONE_MAX)
    private String callbackPhone;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected CheckIn() {
    }

    public CheckIn(Appointment appointment) {
        this.appointment = appointment;
    }

    /** Counts a wrong answer, or confirms the identity; a locked check-in takes no answer at all. */
    public IdentityOutcome answerIdentity(boolean matchesRecord, Instant now) {
        if (isLocked()) {
            return IdentityOutcome.LOCKED;
        }
        if (matchesRecord) {
            identityConfirmedAt = now;
            return IdentityOutcome.CONFIRMED;
        }
        failedIdentityAttempts++;
        if (failedIdentityAttempts >= MAX_IDENTITY_ATTEMPTS) {
            lockedAt = now;
            return IdentityOutcome.LOCKED;
        }
        return IdentityOutcome.WRONG;
    }

    /** The clinic has spoken to the patient: they may try again, from the first attempt. */
    public void unlock(Instant now) {
        if (!isLocked()) {
            throw new BusinessRuleException("This check-in is not locked.");
        }
        lockedAt = null;
        failedIdentityAttempts = 0;
        unlockedAt = now;
    }

    public void complete(ConsentAgreement agreement, String countryCode, String regionCode, String locationDetail,
                         String updatedReason, String callbackPhone, Instant now) {
        if (!isIdentityConfirmed() || isLocked()) {
            throw new BusinessRuleException("Confirm your date of birth first.");
        }
        this.consentAgreement = agreement;
        this.countryCode = countryCode;
        this.regionCode = regionCode;
        this.locationDetail = locationDetail;
        this.updatedReason = updatedReason;
        this.callbackPhone = callbackPhone;
        this.completedAt = now;
    }

    public Appointment getAppointment() {
        return appointment;
    }

    public boolean isLocked() {
        return lockedAt != null;
    }

    public boolean isIdentityConfirmed() {
        return identityConfirmedAt != null;
    }

    public boolean isCompleted() {
        return completedAt != null && !isLocked();
    }

    public int attemptsLeft() {
        return Math.max(0, MAX_IDENTITY_ATTEMPTS - failedIdentityAttempts);
    }

    public int getFailedIdentityAttempts() {
        return failedIdentityAttempts;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }

    public Instant getUnlockedAt() {
        return unlockedAt;
    }

    public Instant getIdentityConfirmedAt() {
        return identityConfirmedAt;
    }

    public ConsentAgreement getConsentAgreement() {
        return consentAgreement;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getLocationDetail() {
        return locationDetail;
    }

    public String getUpdatedReason() {
        return updatedReason;
    }

    public String getCallbackPhone() {
        return callbackPhone;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
