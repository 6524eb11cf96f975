package com.mediscan.chat.domain;

import com.mediscan.account.domain.UserAccount;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.base.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One chat line of a consultation, as its sender wrote it. Never edited once stored. */
@Entity
@Table(name = "chat_message")
public class ChatMessage extends AbstractEntity {

    /** Counted in UTF-16 units, as the browser's maxlength counts them, so both databases accept it. */
    public static final int TEXT_MAX = 2000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "appointment_id", nullable = false, updatable = false)
    private Appointment appointment;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "sender_account_id", nullable = false, updatable = false)
    private UserAccount sender;

    @Column(name = "client_message_id", nullable = false, unique = true, updatable = false)
    private UUID clientMessageId;

    @Column(name = "body", nullable = false, length = TEXT_MAX, updatable = false)
    private String text;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    protected ChatMessage() {
    }

    public ChatMessage(Appointment appointment, UserAccount sender, UUID clientMessageId, String text, Instant sentAt) {
        this.appointment = appointment;
        this.sender = sender;
        this.clientMessageId = clientMessageId;
        this.text = text;
        this.sentAt = sentAt;
    }

    public Long getAppointmentId() {
        return appointment.getId();
    }

    public UserAccount getSender() {
        return sender;
    }

    public UUID getClientMessageId() {
        return clientMessageId;
    }

    public String getText() {
        return text;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
