package com.mediscan.appointment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A patient's "I agree" to one consent version: who, when and from which address. Never changed. */
@Entity
@Immutable
@Table(name = "consent_agreement")
public class ConsentAgreement {

    public static final int ADDRESS_MAX = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_account_id", nullable = false, updatable = false)
    private Long patientAccountId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "consent_version_id", nullable = false, updatable = false)
    private ConsentVersion consentVersion;

    @Column(name = "agreed_at", nullable = false, updatable = false)
    private Instant agreedAt;

    @Column(name = "remote_address", nullable = false, length = ADDRESS_MAX, updatable = false)
    private String remoteAddress;

    protected ConsentAgreement() {
    }

    public ConsentAgreement(Long patientAccountId, ConsentVersion consentVersion, Instant agreedAt, String remoteAddress) {
        this.patientAccountId = patientAccountId;
        this.consentVersion = consentVersion;
        this.agreedAt = agreedAt;
        this.remoteAddress = remoteAddress.length() > ADDRESS_MAX ? remoteAddress.substring(0, ADDRESS_MAX) : remoteAddress;
    }

    public Long getId() {
        return id;
    }

    public Long getPatientAccountId() {
        return patientAccountId;
    }

    public ConsentVersion getConsentVersion() {
        return consentVersion;
    }

    public Instant getAgreedAt() {
        return agreedAt;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }
}
