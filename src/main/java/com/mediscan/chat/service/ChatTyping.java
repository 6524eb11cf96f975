package com.mediscan.chat.service;

import com.mediscan.consultation.service.RoomEvent;

/** Someone is composing a message; sent at most once per {@link ChatService#TYPING_NOTICE_INTERVAL} per person. */
public record ChatTyping(long appointmentId, long senderAccountId, String senderName) implements RoomEvent {
}
