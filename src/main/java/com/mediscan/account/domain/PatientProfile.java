package com.mediscan.account.domain;

import com.mediscan.base.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "patient_profile")
public class PatientProfile extends AbstractEntity {

    public static final int PHONE_MAX = 32;

    @OneToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id", nullable = false, unique = true)
    private UserAccount account;

    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;

    @Column(length = PHONE_MAX)
    private String phone;

    protected PatientProfile() {
    }

    public PatientProfile(UserAccount account, LocalDate dateOfBirth, String phone) {
        this.account = account;
        this.dateOfBirth = dateOfBirth;
        this.phone = phone == null ? null : phone.strip();
    }

    public UserAccount getAccount() {
        return account;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public String getPhone() {
        return phone;
    }

    public String getDisplayName() {
        return account.getFullName();
    }

    public void update(LocalDate dateOfBirth, String phone) {
        this.dateOfBirth = dateOfBirth;
        this.phone = phone == null ? null : phone.strip();
    }
}
