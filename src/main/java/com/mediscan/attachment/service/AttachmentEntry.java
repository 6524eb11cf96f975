package com.mediscan.attachment.service;

import com.mediscan.account.domain.Role;
import com.mediscan.account.domain.UserAccount;
import com.mediscan.attachment.domain.Attachment;
import com.mediscan.attachment.domain.StoredType;
import java.time.Instant;
import java.util.UUID;

/** A stored attachment as views show it; the bytes are fetched from {@link AttachmentLinks}. */
public record AttachmentEntry(long id, UUID clientKey, long appointmentId, long senderAccountId, String senderName,
                              boolean sentByDoctor, String fileName, StoredType type, long sizeBytes, String sha256,
                              Integer width, Integer height, Instant sentAt, Instant addedToRecordAt) {

    static AttachmentEntry of(Attachment attachment) {
        UserAccount sender = attachment.getSender();
        boolean doctor = sender.getRole() == Role.DOCTOR;
        return new AttachmentEntry(attachment.getId(), attachment.getClientKey(), attachment.getAppointmentId(), sender.getId(),
                doctor ? "Dr. " + sender.getFullName() : sender.getFullName(), doctor, attachment.getFileName(),
                attachment.getType(), attachment.getSizeBytes(), attachment.getSha256(), attachment.getImageWidth(),
                attachment.getImageHeight(), attachment.getSentAt(), attachment.getAddedToRecordAt());
    }

    public boolean isImage() {
        return type.isImage();
    }

    public boolean inRecord() {
        return addedToRecordAt != null;
    }

    /** "2.4 MB", "830 KB": sizes as a person reads them. */
    public String readableSize() {
        if (sizeBytes >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
        }
        return Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB";
    }
}
