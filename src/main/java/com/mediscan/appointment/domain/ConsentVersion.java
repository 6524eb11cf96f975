package com.mediscan.appointment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One published version of the clinic's telehealth consent text; an edit publishes the next version. */
@Entity
@Immutable
@Table(name = "consent_version")
public class ConsentVersion {

    public static final int BODY_MAX = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int versionNumber;

    @Column(nullable = false, length = BODY_MAX, updatable = false)
    private String body;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    @Column(name = "published_by_account_id", nullable = false, updatable = false)
    private Long publishedByAccountId;

    protected ConsentVersion() {
    }

    public ConsentVersion(int versionNumber, String body, Instant publishedAt, Long publishedByAccountId) {
        this.versionNumber = versionNumber;
        this.body = body;
        this.publishedAt = publishedAt;
        this.publishedByAccountId = publishedByAccountId;
    }

    public Long getId() {
        return id;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public String getBody() {
        return body;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Long getPublishedByAccountId() {
        return publishedByAccountId;
    }
}
