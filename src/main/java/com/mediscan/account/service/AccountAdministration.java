package com.mediscan.account.service;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.Role;
import com.mediscan.account.domain.UserAccount;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.audit.service.RoleGuard;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.InvalidFieldException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's administration of doctors and patients: create, edit, deactivate (accounts are
 * never deleted, so clinical history keeps its people) and reset passwords. Administrators only;
 * every change and every refused attempt is audited.
 */
@Service
@Transactional
public class AccountAdministration {

    public static final String INVALID_EMAIL = "Enter a valid email address, such as name@example.com.";
    /** The field name of a temporary password in {@link InvalidFieldException#field()}. */
    public static final String TEMPORARY_PASSWORD = "temporaryPassword";
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-\\s]{5," + PatientProfile.PHONE_MAX + "}");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final AccountService accountService;
    private final UserAccountRepository accounts;
    private final DoctorProfileRepository doctors;
    private final PatientProfileRepository patients;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final RoleGuard roles;
    private final Clock clock;

    public AccountAdministration(AccountService accountService, UserAccountRepository accounts,
                                 DoctorProfileRepository doctors, PatientProfileRepository patients,
                                 CurrentUser currentUser, AuditService audit, RoleGuard roles, Clock clock) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.doctors = doctors;
        this.patients = patients;
        this.currentUser = currentUser;
        this.audit = audit;
        this.roles = roles;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DoctorProfile> findDoctors(String search, Pageable pageable) {
        requireAdmin(AuditAction.VIEW_OPENED, "list doctors");
        return doctors.search(searchText(search), pageable);
    }

    @Transactional(readOnly = true)
    public long countDoctors(String search) {
        requireAdmin(AuditAction.VIEW_OPENED, "count doctors");
        return doctors.countSearch(searchText(search));
    }

    @Transactional(readOnly = true)
    public List<PatientProfile> findPatients(String search, Pageable pageable) {
        requireAdmin(AuditAction.VIEW_OPENED, "list patients");
        if (pageable.isUnpaged() || pageable.getOffset() == 0) {
            // Once per opening or new search, not for every page the grid scrolls to.
            audit.record(AuditAction.VIEW_OPENED, AuditOutcome.ALLOWED, new AuditService.Subject("patient_list", null, null),
                    searchText(search).isEmpty() ? "all patients" : "search: " + searchText(search));
        }
        return patients.search(searchText(search), pageable);
    }

    @Transactional(readOnly = true)
    public long countPatients(String search) {
        requireAdmin(AuditAction.VIEW_OPENED, "count patients");
        return patients.countSearch(searchText(search));
    }

    /** Patients who can be booked, for an administrator making an appointment. */
    @Transactional(readOnly = true)
    public List<PatientProfile> activePatients() {
        requireAdmin(AuditAction.VIEW_OPENED, "list patients");
        return patients.findByAccountActiveTrueOrderByAccountFullName();
    }

    @Transactional(readOnly = true)
    public List<DoctorProfile> activeDoctors() {
        requireAdmin(AuditAction.VIEW_OPENED, "list doctors");
        return doctors.findByAccountActiveTrueOrderByAccountFullName();
    }

    public DoctorProfile createDoctor(DoctorDetails details, String temporaryPassword) {
        requireAdmin(AuditAction.ACCOUNT_CHANGED, "create a doctor");
        checkDoctor(details, null);
        checkTemporaryPassword(temporaryPassword);
        DoctorProfile doctor = accountService.createDoctor(details.email(), details.fullName(), temporaryPassword,
                details.specialty(), details.registrationNumber());
        requirePasswordChange(doctor.getAccount());
        changed(doctor.getAccount(), "doctor created");
        return doctor;
    }

    public DoctorProfile updateDoctor(long doctorProfileId, DoctorDetails details) {
        requireAdmin(AuditAction.ACCOUNT_CHANGED, "edit a doctor");
        DoctorProfile doctor = doctors.findById(doctorProfileId).orElseThrow(NotFoundOrDeniedException::new);
        checkDoctor(details, doctor);
        doctor.getAccount().rename(details.fullName());
        doctor.getAccount().changeEmail(details.email());
        doctor.update(details.specialty(), details.registrationNumber());
        changed(doctor.getAccount(), "doctor details changed");
        return doctor;
    }

    public PatientProfile createPatient(PatientDetails details, String temporaryPassword) {
        requireAdmin(AuditAction.ACCOUNT_CHANGED, "create a patient");
        checkPatient(details, null);
        checkTemporaryPassword(temporaryPassword);
        PatientProfile patient = accountService.createPatient(details.email(), details.fullName(), temporaryPassword,
                details.dateOfBirth(), blankToNull(details.phone()));
        requirePasswordChange(patient.getAccount());
        changed(patient.getAccount(), "patient created");
        return patient;
    }

    public PatientProfile updatePatient(long patientProfileId, PatientDetails details) {
        requireAdmin(AuditAction.ACCOUNT_CHANGED, "edit a patient");
        PatientProfile patient = patients.findById(patientProfileId).orElseThrow(NotFoundOrDeniedException::new);
        checkPatient(details, patient.getAccount());
        patient.getAccount().rename(details.fullName());
        patient.getAccount().changeEmail(details.email());
        patient.update(details.dateOfBirth(), blankToNull(details.phone()));
        changed(patient.getAccount(), "patient details changed");
        return patient;
    }

    /** Stops the account from signing in; its appointments and records stay. */
    public void deactivate(long accountId) {
        SignedInUser admin = requireAdmin(AuditAction.ACCOUNT_CHANGED, "deactivate an account");
        if (admin.accountId().equals(accountId)) {
            throw new BusinessRuleException("You cannot deactivate your own account.");
        }
        UserAccount account = accounts.findById(accountId).orElseThrow(NotFoundOrDeniedException::new);
        account.setActive(false);
        changed(account, "account deactivated");
    }

    public void reactivate(long accountId) {
        requireAdmin(AuditAction.ACCOUNT_CHANGED, "reactivate an account");
        UserAccount account = accounts.findById(accountId).orElseThrow(NotFoundOrDeniedException::new);
        account.setActive(true);
        changed(account, "account reactivated");
    }

    /** A temporary password the person must replace at their next sign-in. */
    public void resetPassword(long accountId, String temporaryPassword) {
        requireAdmin(AuditAction.ACCOUNT_CHANGED, "reset a password");
        UserAccount account = accounts.findById(accountId).orElseThrow(NotFoundOrDeniedException::new);
        checkTemporaryPassword(temporaryPassword);
        accountService.resetPassword(accountId, temporaryPassword);
        changed(account, "password reset; must change at next sign-in");
    }

    private void checkDoctor(DoctorDetails details, DoctorProfile existing) {
        requireText(DoctorDetails.FULL_NAME, details.fullName(), UserAccount.NAME_MAX, "Enter the doctor's full name.");
        checkEmail(DoctorDetails.EMAIL, details.email(), existing == null ? null : existing.getAccount());
        requireText(DoctorDetails.SPECIALTY, details.specialty(), DoctorProfile.SPECIALTY_MAX, "Enter the doctor's specialty.");
        requireText(DoctorDetails.REGISTRATION_NUMBER, details.registrationNumber(), DoctorProfile.REGISTRATION_MAX,
                "Enter the doctor's registration number.");
        doctors.findByRegistrationNumber(details.registrationNumber().strip())
                .filter(other -> !other.equals(existing))
                .ifPresent(other -> {
                    throw new InvalidFieldException(DoctorDetails.REGISTRATION_NUMBER,
                            "Another doctor already has this registration number.");
                });
    }

    private void checkPatient(PatientDetails details, UserAccount existing) {
        requireText(PatientDetails.FULL_NAME, details.fullName(), UserAccount.NAME_MAX, "Enter the patient's full name.");
        checkEmail(PatientDetails.EMAIL, details.email(), existing);
        LocalDate born = details.dateOfBirth();
        if (born == null) {
            throw new InvalidFieldException(PatientDetails.DATE_OF_BIRTH, "Enter the patient's date of birth.");
        }
        if (born.isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException(PatientDetails.DATE_OF_BIRTH, "A date of birth cannot be in the future.");
        }
        if (born.isBefore(EARLIEST_BIRTH)) {
            throw new InvalidFieldException(PatientDetails.DATE_OF_BIRTH, "Enter a date of birth after 1900.");
        }
        String phone = blankToNull(details.phone());
        if (phone != null && !isPhoneNumber(phone)) {
            throw new InvalidFieldException(PatientDetails.PHONE, phoneRule());
        }
    }

    private void checkTemporaryPassword(String temporaryPassword) {
        try {
            accountService.requireAcceptablePassword(temporaryPassword);
        } catch (BusinessRuleException refused) {
            throw new InvalidFieldException(TEMPORARY_PASSWORD, refused.getMessage());
        }
    }

    public static boolean isPhoneNumber(String phone) {
        return PHONE.matcher(phone.strip()).matches();
    }

    public static String phoneRule() {
        return "Enter a phone number of 5 to " + PatientProfile.PHONE_MAX + " digits, spaces and + ( ) - only.";
    }

    private void checkEmail(String field, String email, UserAccount existing) {
        String normalized = UserAccount.normalizeEmail(email);
        if (!UserAccount.isValidEmail(normalized)) {
            throw new InvalidFieldException(field, INVALID_EMAIL);
        }
        accounts.findByEmail(normalized).filter(other -> !other.equals(existing)).ifPresent(other -> {
            throw new InvalidFieldException(field, "An account with this email address already exists.");
        });
    }

    private static void requireText(String field, String value, int max, String missing) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, missing);
        }
        if (value.strip().length() > max) {
            throw new InvalidFieldException(field, "Use at most " + max + " characters.");
        }
    }

    private static void requirePasswordChange(UserAccount account) {
        account.setPasswordHash(account.getPasswordHash(), true);
    }

    private SignedInUser requireAdmin(AuditAction action, String attempted) {
        return roles.require(action, AuditService.Subject.none(), attempted, Role.ADMIN);
    }

    private void changed(UserAccount account, String detail) {
        Long patientAccountId = account.getRole() == Role.PATIENT ? account.getId() : null;
        audit.record(AuditAction.ACCOUNT_CHANGED, AuditOutcome.ALLOWED,
                new AuditService.Subject("user_account", account.getId(), patientAccountId), detail);
    }

    private static String searchText(String search) {
        return search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
