package com.mediscan.attachment.service;

import com.mediscan.consultation.service.RoomEvent;

/** The doctor added a photo or file to the consultation's record; the patient is told. */
public record AttachmentAddedToRecord(AttachmentEntry attachment, long senderAccountId, String doctorName)
        implements RoomEvent {

    @Override
    public long appointmentId() {
        return attachment.appointmentId();
    }
}
