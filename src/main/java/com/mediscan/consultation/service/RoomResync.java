package com.mediscan.consultation.service;

/**
 * Delivered by the bus itself, never published: room events may have been missed (the cluster
 * bus lost its listening connection and is back), so open views re-read what they show
 * (presence, chat) from the database instead of trusting that nothing happened meanwhile.
 */
public record RoomResync(long appointmentId) implements RoomEvent {

    @Override
    public long senderAccountId() {
        return 0;
    }
}
