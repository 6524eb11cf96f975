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
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts with their profiles and changes passwords. Every new password passes the
 * {@link PasswordPolicy}. Callers that create accounts for a person check their role first.
 */
@Service
@Transactional
public class AccountService {

    private final UserAccountRepository accounts;
    private final DoctorProfileRepository doctors;
    private final PatientProfileRepository patients;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    public AccountService(UserAccountRepository accounts, DoctorProfileRepository doctors,
                          PatientProfileRepository patients, PasswordEncoder passwordEncoder,
                          PasswordPolicy passwordPolicy, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.accounts = accounts;
        this.doctors = doctors;
        this.patients = patients;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public UserAccount createAdmin(String email, String fullName, String password) {
        return newAccount(email, fullName, password, Role.ADMIN);
    }

    public DoctorProfile createDoctor(String email, String fullName, String password, String specialty,
                                      String registrationNumber) {
        if (doctors.existsByRegistrationNumber(registrationNumber.strip())) {
            throw new BusinessRuleException("Another doctor already has registration number " + registrationNumber.strip() + ".");
        }
        return doctors.save(new DoctorProfile(newAccount(email, fullName, password, Role.DOCTOR), specialty, registrationNumber));
    }

    public PatientProfile createPatient(String email, String fullName, String password, LocalDate dateOfBirth,
                                        String phone) {
        if (dateOfBirth.isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleException("A date of birth cannot be in the future.");
        }
        return patients.save(new PatientProfile(newAccount(email, fullName, password, Role.PATIENT), dateOfBirth, phone));
    }

    /** The signed-in person replaces their password; this also ends a forced change after a reset. */
    public void changeOwnPassword(String currentPassword, String newPassword) {
        SignedInUser user = currentUser.require();
        UserAccount account = accounts.findById(user.accountId()).orElseThrow(NotFoundOrDeniedException::new);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            audit.record(AuditAction.ACCOUNT_CHANGED, AuditOutcome.DENIED, subject(account), "password change: wrong current password");
            throw new BusinessRuleException("Your current password is not correct.");
        }
        if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
            throw new BusinessRuleException("Choose a new password that differs from your current one.");
        }
        passwordPolicy.check(newPassword);
        account.setPasswordHash(passwordEncoder.encode(newPassword), false);
        audit.record(AuditAction.ACCOUNT_CHANGED, AuditOutcome.ALLOWED, subject(account), "password changed");
    }

    /**
     * An administrator gives an account a temporary password, which its owner must replace at the
     * next sign-in.
     */
    public void resetPassword(long accountId, String temporaryPassword) {
        SignedInUser user = currentUser.find().orElse(null);
        UserAccount account = accounts.findById(accountId).orElse(null);
        if (user == null || !user.is(Role.ADMIN) || account == null) {
            audit.record(AuditAction.ACCOUNT_CHANGED, AuditOutcome.DENIED,
                    account == null ? new AuditService.Subject("user_account", accountId, null) : subject(account),
                    account == null ? "password reset: no such account" : "password reset: not an administrator");
            throw new NotFoundOrDeniedException();
        }
        passwordPolicy.check(temporaryPassword);
        account.setPasswordHash(passwordEncoder.encode(temporaryPassword), true);
        audit.record(AuditAction.ACCOUNT_CHANGED, AuditOutcome.ALLOWED, subject(account), "password reset by an administrator");
    }

    @Transactional(readOnly = true)
    public boolean mustChangePassword(long accountId) {
        return accounts.findById(accountId).map(UserAccount::isMustChangePassword).orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean hasActiveAdmin() {
        return accounts.existsByRoleAndActiveTrue(Role.ADMIN);
    }

    @Transactional(readOnly = true)
    public boolean hasAnyAccount() {
        return accounts.count() > 0;
    }

    private static AuditService.Subject subject(UserAccount account) {
        return new AuditService.Subject("user_account", account.getId(), account.getRole() == Role.PATIENT ? account.getId() : null);
    }

    private UserAccount newAccount(String email, String fullName, String password, Role role) {
        String normalized = UserAccount.normalizeEmail(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new BusinessRuleException("Enter a valid email address.");
        }
        if (accounts.existsByEmail(normalized)) {
            throw new BusinessRuleException("An account with this email address already exists.");
        }
        if (fullName == null || fullName.isBlank()) {
            throw new BusinessRuleException("Enter the person's full name.");
        }
        passwordPolicy.check(password);
        return accounts.save(new UserAccount(normalized, passwordEncoder.encode(password), fullName, role, clock.instant()));
    }
}
