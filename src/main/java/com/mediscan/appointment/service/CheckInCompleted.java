package com.mediscan.appointment.service;

import com.mediscan.consultation.service.RoomEvent;

/** The patient finished checking in: the doctor's card and dashboard look again. Carries no patient data. */
public record CheckInCompleted(long appointmentId, long senderAccountId) implements RoomEvent {
}
