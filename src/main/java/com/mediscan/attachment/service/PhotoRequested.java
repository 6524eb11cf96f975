package com.mediscan.attachment.service;

import com.mediscan.consultation.service.RoomEvent;

/** The doctor asks the patient for a photo; the patient's page shows a prompt. */
public record PhotoRequested(long appointmentId, long senderAccountId, String doctorName) implements RoomEvent {
}
