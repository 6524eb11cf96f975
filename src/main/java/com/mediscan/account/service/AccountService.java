package com.mediscan.account.service;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.Role;
import com.mediscan.account.domain.UserAccount;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts with their profiles. Callers that act for a person check their role first. */
@Service
@Transactional
public class AccountService {

    private final UserAccountRepository accounts;
    private final DoctorProfileRepository doctors;
    private final PatientProfileRepository patients;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    public AccountService(UserAccountRepository accounts, DoctorProfileRepository doctors,
                          PatientProfileRepository patients, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.doctors = doctors;
        this.patients = patients;
        this.passwordEncoder = passwordEncoder;
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

    /** Gives the account a temporary password that its owner must replace at the next sign-in. */
    public void resetPassword(long accountId, String temporaryPassword) {
        UserAccount account = accounts.findById(accountId).orElseThrow(NotFoundOrDeniedException::new);
        requireAcceptablePassword(temporaryPassword);
        account.setPasswordHash(passwordEncoder.encode(temporaryPassword), true);
    }

    @Transactional(readOnly = true)
    public boolean hasActiveAdmin() {
        return accounts.existsByRoleAndActiveTrue(Role.ADMIN);
    }

    @Transactional(readOnly = true)
    public boolean hasAnyAccount() {
        return accounts.count() > 0;
    }

    private UserAccount newAccount(String email, String fullName, String password, Role role) {
        String normalized = UserAccount.normalizeEmail(email);
        if (!UserAccount.isValidEmail(normalized)) {
            throw new BusinessRuleException("Enter a valid email address.");
        }
        if (accounts.existsByEmail(normalized)) {
            throw new BusinessRuleException("An account with this email address already exists.");
        }
        if (fullName == null || fullName.isBlank()) {
            throw new BusinessRuleException("Enter the person's full name.");
        }
        requireAcceptablePassword(password);
        return accounts.save(new UserAccount(normalized, passwordEncoder.encode(password), fullName, role, clock.instant()));
    }

    /** Refuses a password the clinic does not accept, with the reason. */
    public void requireAcceptablePassword(String password) {
        if (password == null || password.length() < 8) {
            throw new BusinessRuleException("A password needs at least 8 characters.");
        }
    }
}
