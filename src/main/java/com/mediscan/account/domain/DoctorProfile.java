package com.mediscan.account.domain;

import com.mediscan.base.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "doctor_profile")
public class DoctorProfile extends AbstractEntity {

    public static final int SPECIALTY_MAX = 80;
    public static final int REGISTRATION_MAX = 40;

    @OneToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id", nullable = false, unique = true)
    private UserAccount account;

    @Column(nullable = false, length = SPECIALTY_MAX)
    private String specialty;

    @Column(name = "registration_number", nullable = false, unique = true, length = REGISTRATION_MAX)
    private String registrationNumber;

    protected DoctorProfile() {
    }

    public DoctorProfile(UserAccount account, String specialty, String registrationNumber) {
        this.account = account;
        this.specialty = specialty.strip();
        this.registrationNumber = registrationNumber.strip();
    }

    public UserAccount getAccount() {
        return account;
    }

    public String getSpecialty() {
        return specialty;
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public String getDisplayName() {
        return "Dr. " + account.getFullName();
    }

    public void update(String specialty, String registrationNumber) {
        this.specialty = specialty.strip();
        this.registrationNumber = registrationNumber.strip();
    }
}
