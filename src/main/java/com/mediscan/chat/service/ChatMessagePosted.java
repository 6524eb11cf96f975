package com.mediscan.chat.service;

import com.mediscan.consultation.service.RoomEvent;

/** A message was stored; published only after it is in the database. */
public record ChatMessagePosted(ChatEntry message) implements RoomEvent {

    @Override
    public long appointmentId() {
        return message.appointmentId();
    }

    @Override
    public long senderAccountId() {
        return message.senderAccountId();
    }
}
