package com.mediscan.account.domain;

import com.mediscan.base.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** Someone who signs in: a doctor, a patient or an administrator. Never deleted, only deactivated. */
@Entity
@Table(name = "user_account")
public class UserAccount extends AbstractEntity {

    public static final int EMAIL_MAX = 254;
    public static final int NAME_MAX = 120;

    @Column(nullable = false, unique = true, length = EMAIL_MAX)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "full_name", nullable = false, length = NAME_MAX)
    private String fullName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UserAccount() {
    }

    public UserAccount(String email, String passwordHash, String fullName, Role role, Instant createdAt) {
        this.email = normalizeEmail(email);
        this.passwordHash = passwordHash;
        this.fullName = fullName.strip();
        this.role = role;
        this.createdAt = createdAt;
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isValidEmail(String normalizedEmail) {
        return normalizedEmail.length() <= EMAIL_MAX && normalizedEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getFullName() {
        return fullName;
    }

    public Role getRole() {
        return role;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void rename(String fullName) {
        this.fullName = fullName.strip();
    }

    public void changeEmail(String email) {
        this.email = normalizeEmail(email);
    }

    public void setPasswordHash(String passwordHash, boolean mustChangePassword) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
