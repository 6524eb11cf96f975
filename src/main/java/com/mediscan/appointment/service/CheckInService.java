package com.mediscan.appointment.service;

import com.mediscan.account.domain.Role;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.CheckIn.IdentityOutcome;
import com.mediscan.appointment.domain.CheckIn;
import com.mediscan.appointment.domain.CheckInRepository;
import com.mediscan.appointment.domain.ConsentAgreement;
import com.mediscan.appointment.domain.ConsentVersion;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.audit.service.RoleGuard;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.InvalidFieldException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.consultation.service.RoomAdmission;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's check-in before a video consultation: telehealth consent in force (see
 * {@link TelehealthConsentService}), identity by the date of birth on file, where they are now, and
 * optionally an updated reason and a call-back number. Done once per appointment; three wrong dates
 * of birth lock it until an administrator unlocks it, and the clinic is told through the audit trail
 * and the administrators' list of locked check-ins. The answer is compared and then forgotten: it is
 * never stored, logged or audited. As the {@link RoomAdmission} it keeps a patient who has not
 * checked in out of the room.
 */
@Service
@Transactional
public class CheckInService implements RoomAdmission {

    public static final String CHECK_IN_FIRST = "Check in before joining: agree to the telehealth consent, confirm your "
            + "date of birth and say where you are now.";
    public static final String LOCKED = "Check-in is locked after " + CheckIn.MAX_IDENTITY_ATTEMPTS
            + " dates of birth that did not match our records. The clinic has been told and will contact you.";

    private final CheckInRepository checkIns;
    private final AppointmentAccess access;
    private final TelehealthConsentService consent;
    private final Places places;
    private final CurrentUser currentUser;
    private final RoleGuard roles;
    private final AuditService audit;
    private final RoomBus roomBus;
    private final Clock clock;

    public CheckInService(CheckInRepository checkIns, AppointmentAccess access, TelehealthConsentService consent, Places places,
                          CurrentUser currentUser, RoleGuard roles, AuditService audit, RoomBus roomBus, Clock clock) {
        this.checkIns = checkIns;
        this.access = access;
        this.consent = consent;
        this.places = places;
        this.currentUser = currentUser;
        this.roles = roles;
        this.audit = audit;
        this.roomBus = roomBus;
        this.clock = clock;
    }

    /** Where the appointment's check-in stands, for its patient (to continue it) and its doctor (to see it). */
    @Transactional(readOnly = true)
    public CheckInStatus status(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.CHECK_IN);
        if (!isPatientOf(appointment)) {
            audit.record(AuditAction.CHECK_IN, AuditOutcome.ALLOWED, AppointmentService.subject(appointment), "check-in read");
        }
        return statusOf(appointment, checkIns.findByAppointmentId(appointmentId).orElse(null));
    }

    /** The patient's answer to "Date of birth": counted when wrong; the third wrong answer locks the check-in. */
    public IdentityCheck confirmIdentity(long appointmentId, LocalDate dateOfBirth) {
        Appointment appointment = requirePatient(appointmentId);
        if (dateOfBirth == null) {
            throw new InvalidFieldException("dateOfBirth", "Enter your date of birth.");
        }
        CheckIn checkIn = checkInOf(appointment);
        if (checkIn.isIdentityConfirmed() && !checkIn.isLocked()) {
            return new IdentityCheck(IdentityOutcome.CONFIRMED, checkIn.attemptsLeft());
        }
        boolean wasLocked = checkIn.isLocked();
        IdentityOutcome outcome = checkIn.answerIdentity(dateOfBirth.equals(appointment.getPatient().getDateOfBirth()), now());
        checkIns.saveAndFlush(checkIn);
        AuditService.Subject subject = AppointmentService.subject(appointment);
        switch (outcome) {
            case CONFIRMED -> audit.record(AuditAction.CHECK_IN, AuditOutcome.ALLOWED, subject, "identity confirmed");
            case WRONG -> audit.record(AuditAction.CHECK_IN, AuditOutcome.DENIED, subject,
                    "date of birth did not match, " + checkIn.attemptsLeft() + " attempts left");
            case LOCKED -> audit.record(wasLocked ? AuditAction.CHECK_IN : AuditAction.CHECK_IN_LOCKED, AuditOutcome.DENIED, subject,
                    wasLocked ? "answer to a locked check-in" : "locked after " + CheckIn.MAX_IDENTITY_ATTEMPTS + " dates of birth that did not match");
        }
        return new IdentityCheck(outcome, checkIn.attemptsLeft());
    }

    /** Finishes the check-in once consent is in force and identity confirmed; the doctor's views hear of it. */
    public CheckInStatus complete(long appointmentId, CheckInDetails details) {
        Appointment appointment = requirePatient(appointmentId);
        AuditService.Subject subject = AppointmentService.subject(appointment);
        CheckIn checkIn = checkInOf(appointment);
        if (checkIn.isLocked()) {
            throw refused(subject, "check-in locked", LOCKED);
        }
        if (!checkIn.isIdentityConfirmed()) {
            throw refused(subject, "identity not confirmed", "Confirm your date of birth first.");
        }
        ConsentAgreement agreement = consent.agreementInForce(appointment.getPatient().getAccount().getId())
                .orElseThrow(() -> refused(subject, "no consent in force", "Agree to the telehealth consent first."));
        String country = required(details.countryCode(), CheckInDetails.COUNTRY, "Choose the country you are in now.");
        if (places.country(country).isEmpty()) {
            throw new InvalidFieldException(CheckInDetails.COUNTRY, "Choose the country you are in now from the list.");
        }
        String region = blankToNull(details.regionCode());
        if (!places.regionsOf(country).isEmpty() && (region == null || places.region(country, region).isEmpty())) {
            throw new InvalidFieldException(CheckInDetails.REGION, "Choose the state or region you are in now from the list.");
        }
        if (places.regionsOf(country).isEmpty()) {
            region = null;
        }
        String detail = limited(details.locationDetail(), CheckIn.LOCATION_DETAIL_MAX, CheckInDetails.LOCATION_DETAIL, "The place");
        String reason = limited(details.reason(), Appointment.REASON_MAX, CheckInDetails.REASON, "The reason");
        if (Objects.equals(reason, appointment.getReason())) {
            reason = null;
        }
        String phone = blankToNull(details.callbackPhone());
        if (phone != null && !AccountAdministration.isPhoneNumber(phone)) {
            throw new InvalidFieldException(CheckInDetails.CALLBACK_PHONE, AccountAdministration.phoneRule());
        }
        checkIn.complete(agreement, country, region, detail, reason, phone, now());
        checkIns.saveAndFlush(checkIn);
        audit.record(AuditAction.CHECK_IN, AuditOutcome.ALLOWED, subject, "checked in from " + places.describe(country, region)
                + " with consent version " + agreement.getConsentVersion().getVersionNumber());
        roomBus.publish(new CheckInCompleted(appointment.getId(), currentUser.require().accountId()));
        return statusOf(appointment, checkIn);
    }

    /** Keeps a patient out of the room until consent in force and check-in are done; the doctor may always enter. */
    @Override
    @Transactional(readOnly = true)
    public void requireAdmitted(Appointment appointment, long accountId) {
        if (!appointment.getPatient().getAccount().getId().equals(accountId)) {
            return;
        }
        CheckIn checkIn = checkIns.findByAppointmentId(appointment.getId()).orElse(null);
        boolean consented = consent.agreementInForce(accountId).isPresent();
        if (checkIn != null && checkIn.isLocked()) {
            throw refused(AppointmentService.subject(appointment), "entering the room: check-in locked", LOCKED);
        }
        if (!consented || checkIn == null || !checkIn.isCompleted()) {
            throw refused(AppointmentService.subject(appointment),
                    "entering the room without " + (!consented ? "consent in force" : "check-in"), CHECK_IN_FIRST);
        }
    }

    /** The check-ins of these appointments that are complete, for the doctor's queue (whose caller checked access). */
    @Transactional(readOnly = true)
    public List<CheckIn> completedOf(List<Long> appointmentIds) {
        return appointmentIds.isEmpty() ? List.of()
                : checkIns.findByAppointmentIdIn(appointmentIds).stream().filter(CheckIn::isCompleted).toList();
    }

    /** Check-ins locked by wrong answers, latest first, for administrators to call the patient. */
    @Transactional(readOnly = true)
    public List<LockedCheckIn> locked() {
        roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "locked check-ins", Role.ADMIN);
        return checkIns.findLocked().stream().map(checkIn -> {
            Appointment appointment = checkIn.getAppointment();
            return new LockedCheckIn(checkIn.getId(), appointment.getId(), appointment.getPatient().getDisplayName(),
                    appointment.getPatient().getPhone(), appointment.getDoctor().getDisplayName(), appointment.getStartsAt(),
                    checkIn.getLockedAt());
        }).toList();
    }

    /** An administrator who has spoken to the patient lets them answer again, from the first attempt. */
    public void unlock(long checkInId) {
        roles.require(AuditAction.CHECK_IN, AuditService.Subject.none(), "unlock a check-in", Role.ADMIN);
        CheckIn checkIn = checkIns.findById(checkInId).orElseThrow(NotFoundOrDeniedException::new);
        checkIn.unlock(now());
        checkIns.saveAndFlush(checkIn);
        audit.record(AuditAction.CHECK_IN, AuditOutcome.ALLOWED, AppointmentService.subject(checkIn.getAppointment()), "unlocked");
    }

    /** The place as the doctor reads it: "Maharashtra, India". */
    public String describePlace(CheckIn checkIn) {
        return places.describe(checkIn.getCountryCode(), checkIn.getRegionCode());
    }

    private CheckInStatus statusOf(Appointment appointment, CheckIn checkIn) {
        Optional<ConsentVersion> inForce = consent.current();
        boolean agreed = consent.agreementInForce(appointment.getPatient().getAccount().getId()).isPresent();
        ConsentVersion toAgree = agreed ? null : inForce.orElse(null);
        if (checkIn == null) {
            return new CheckInStatus(appointment.getId(), toAgree, inForce.isPresent(), false, false,
                    CheckIn.MAX_IDENTITY_ATTEMPTS, false, null, null, null, null, null, null);
        }
        boolean completed = checkIn.isCompleted();
        return new CheckInStatus(appointment.getId(), toAgree, inForce.isPresent(), checkIn.isIdentityConfirmed(),
                checkIn.isLocked(), checkIn.attemptsLeft(), completed,
                checkIn.getConsentAgreement() == null ? null : checkIn.getConsentAgreement().getConsentVersion().getVersionNumber(),
                completed ? describePlace(checkIn) : null, checkIn.getLocationDetail(), checkIn.getUpdatedReason(),
                checkIn.getCallbackPhone(), checkIn.getCompletedAt());
    }

    private Appointment requirePatient(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.CHECK_IN);
        if (!isPatientOf(appointment)) {
            audit.record(AuditAction.CHECK_IN, AuditOutcome.DENIED, AppointmentService.subject(appointment), "only the patient checks in");
            throw new NotFoundOrDeniedException();
        }
        if (appointment.getStatus().isFinal()) {
            throw refused(AppointmentService.subject(appointment), "appointment over", "This appointment is over, so there is nothing to check in for.");
        }
        return appointment;
    }

    private boolean isPatientOf(Appointment appointment) {
        SignedInUser user = currentUser.require();
        return user.is(Role.PATIENT) && appointment.getPatient().getAccount().getId().equals(user.accountId());
    }

    private CheckIn checkInOf(Appointment appointment) {
        return checkIns.findByAppointmentId(appointment.getId()).orElseGet(() -> checkIns.saveAndFlush(new CheckIn(appointment)));
    }

    private BusinessRuleException refused(AuditService.Subject subject, String reason, String message) {
        audit.record(AuditAction.CHECK_IN, AuditOutcome.DENIED, subject, reason);
        return new BusinessRuleException(message);
    }

    private static String required(String value, String field, String message) {
        String text = blankToNull(value);
        if (text == null) {
            throw new InvalidFieldException(field, message);
        }
        return text;
    }

    private static String limited(String value, int max, String field, String what) {
        String text = blankToNull(value);
        if (text != null && text.length() > max) {
            throw new InvalidFieldException(field, what + " can have at most " + max + " characters; this one has " + text.length() + ".");
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
