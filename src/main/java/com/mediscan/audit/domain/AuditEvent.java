package com.mediscan.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One line of the append-only audit trail: immutable once written, never deleted. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    public static final int DETAIL_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_account_id", updatable = false)
    private Long actorAccountId;

    @Column(name = "actor_email", length = 254, updatable = false)
    private String actorEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32, updatable = false)
    private AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private AuditOutcome outcome;

    @Column(name = "patient_account_id", updatable = false)
    private Long patientAccountId;

    @Column(name = "record_type", length = 40, updatable = false)
    private String recordType;

    @Column(name = "record_id", updatable = false)
    private Long recordId;

    @Column(name = "remote_address", length = 64, updatable = false)
    private String remoteAddress;

    @Column(length = DETAIL_MAX, updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, Long actorAccountId, String actorEmail, AuditAction action, AuditOutcome outcome,
                      Long patientAccountId, String recordType, Long recordId, String remoteAddress, String detail) {
        this.occurredAt = occurredAt;
        this.actorAccountId = actorAccountId;
        this.actorEmail = actorEmail;
        this.action = action;
        this.outcome = outcome;
        this.patientAccountId = patientAccountId;
        this.recordType = recordType;
        this.recordId = recordId;
        this.remoteAddress = remoteAddress;
        this.detail = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Long getActorAccountId() {
        return actorAccountId;
    }

    public String getActorEmail() {
        return actorEmail;
    }

    public AuditAction getAction() {
        return action;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public Long getPatientAccountId() {
        return patientAccountId;
    }

    public String getRecordType() {
        return recordType;
    }

    public Long getRecordId() {
        return recordId;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public String getDetail() {
        return detail;
    }
}
