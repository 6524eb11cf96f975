package com.mediscan.consultation.service;

/**
 * The node serving this participant's window stopped (crashed, or was shut down) and their seat
 * was released: the other participant is told their connection was lost, not that they left.
 */
public record SeatLost(long appointmentId, long senderAccountId) implements RoomEvent {
}
