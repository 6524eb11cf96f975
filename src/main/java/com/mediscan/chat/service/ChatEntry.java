package com.mediscan.chat.service;

import com.mediscan.account.domain.Role;
import com.mediscan.account.domain.UserAccount;
import com.mediscan.chat.domain.ChatMessage;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** A stored chat message as views show it: who wrote what, and when the server received it. */
public record ChatEntry(long id, UUID clientMessageId, long appointmentId, long senderAccountId, String senderName,
                        boolean sentByDoctor, String text, Instant sentAt) {

    /** The order of a conversation: by server timestamp, then by storage order. */
    public static final Comparator<ChatEntry> CONVERSATION_ORDER =
            Comparator.comparing(ChatEntry::sentAt).thenComparingLong(ChatEntry::id);

    static ChatEntry of(ChatMessage message) {
        UserAccount sender = message.getSender();
        boolean doctor = sender.getRole() == Role.DOCTOR;
        return new ChatEntry(message.getId(), message.getClientMessageId(), message.getAppointmentId(), sender.getId(),
                doctor ? "Dr. " + sender.getFullName() : sender.getFullName(), doctor, message.getText(), message.getSentAt());
    }
}
