package com.mediscan.consultation.service;

/** Someone entered or left the room, or moved to another window: views re-read {@link RoomRegistry}. */
public record PresenceChanged(long appointmentId, long senderAccountId) implements RoomEvent {
}
