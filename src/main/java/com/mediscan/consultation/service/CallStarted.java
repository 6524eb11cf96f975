package com.mediscan.consultation.service;

import java.time.Instant;

/** The doctor's side connected and recorded the call's start, from which both timers count. */
public record CallStarted(long appointmentId, long senderAccountId, Instant startedAt) implements RoomEvent {
}
