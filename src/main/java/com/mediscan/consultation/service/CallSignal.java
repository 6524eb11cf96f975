package com.mediscan.consultation.service;

/**
 * An opaque WebRTC signal (a session description, an ICE candidate or a media state) from one
 * participant's window to the other's. It lives only in memory on its way through the room.
 */
public record CallSignal(long appointmentId, long senderAccountId, String senderSeatId, String recipientSeatId,
                         String payload) implements RoomEvent {
}
