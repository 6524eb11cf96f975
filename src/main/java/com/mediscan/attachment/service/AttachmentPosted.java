package com.mediscan.attachment.service;

import com.mediscan.consultation.service.RoomEvent;

/** A photo or file was stored in the consultation; published only after it is in the database. */
public record AttachmentPosted(AttachmentEntry attachment) implements RoomEvent {

    @Override
    public long appointmentId() {
        return attachment.appointmentId();
    }

    @Override
    public long senderAccountId() {
        return attachment.senderAccountId();
    }
}
