package com.mediscan.attachment.domain;

import com.mediscan.account.domain.UserAccount;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.base.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A photo or file sent in a consultation, as the server stored it (the bytes are in
 * {@link AttachmentContent}). Never changed once stored, except that the doctor may add it to the record.
 */
@Entity
@Table(name = "attachment")
public class Attachment extends AbstractEntity {

    public static final int FILE_NAME_MAX = 255;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "appointment_id", nullable = false, updatable = false)
    private Appointment appointment;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "sender_account_id", nullable = false, updatable = false)
    private UserAccount sender;

    @Column(name = "client_key", nullable = false, unique = true, updatable = false)
    private UUID clientKey;

    @Column(name = "file_name", nullable = false, length = FILE_NAME_MAX, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 64, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64, updatable = false)
    private String sha256;

    @Column(name = "image_width", updatable = false)
    private Integer imageWidth;

    @Column(name = "image_height", updatable = false)
    private Integer imageHeight;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Column(name = "added_to_record_at")
    private Instant addedToRecordAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "added_to_record_by")
    private UserAccount addedToRecordBy;

    protected Attachment() {
    }

    public Attachment(Appointment appointment, UserAccount sender, UUID clientKey, String fileName, StoredType type,
                      long sizeBytes, String sha256, Integer imageWidth, Integer imageHeight, Instant sentAt) {
        this.appointment = appointment;
        this.sender = sender;
        this.clientKey = clientKey;
        this.fileName = fileName;
        this.contentType = type.mediaType();
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.sentAt = sentAt;
    }

    /** Idempotent: an attachment already in the record keeps its first addition. */
    public void addToRecord(UserAccount doctor, Instant now) {
        if (addedToRecordAt == null) {
            addedToRecordAt = now;
            addedToRecordBy = doctor;
        }
    }

    public Appointment getAppointment() {
        return appointment;
    }

    public Long getAppointmentId() {
        return appointment.getId();
    }

    public UserAccount getSender() {
        return sender;
    }

    public UUID getClientKey() {
        return clientKey;
    }

    public String getFileName() {
        return fileName;
    }

    public StoredType getType() {
        return StoredType.ofMediaType(contentType);
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Integer getImageWidth() {
        return imageWidth;
    }

    public Integer getImageHeight() {
        return imageHeight;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getAddedToRecordAt() {
        return addedToRecordAt;
    }

    public boolean isInRecord() {
        return addedToRecordAt != null;
    }
}
