package com.mediscan.consultation.service;

import java.time.Instant;

/**
 * One participant ended the call; both show its duration. {@code startedAt} is null when the
 * call never connected; {@code completed} when the doctor's ending completed the appointment.
 */
public record CallEnded(long appointmentId, long senderAccountId, Instant startedAt, Instant endedAt,
                        boolean completed) implements RoomEvent {
}
