package com.mediscan.chat.service;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.AppointmentAccess;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.chat.domain.ChatMessage;
import com.mediscan.chat.domain.ChatMessageRepository;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chat of one consultation: only its doctor and patient may read or write it. Messages are
 * stored before the room hears of them, and a message is stored once however often it is sent.
 */
@Service
@Transactional
public class ChatService {

    public static final Duration TYPING_NOTICE_INTERVAL = Duration.ofSeconds(2);
    static final String RATE_LIMITED = "You are sending messages faster than the chat allows. "
            + "Please wait a few seconds, then send again.";
    static final String CLOSED = "This consultation has ended, so its chat can be read but not added to.";
    private static final int TYPING_ENTRIES_BEFORE_PRUNING = 10_000;

    private record Typist(long accountId, long appointmentId) {
    }

    private final ChatMessageRepository messages;
    private final AppointmentAccess access;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final RoomBus roomBus;
    private final Clock clock;
    private final int rateLimitMessages;
    private final Duration rateLimitWindow;
    private final ConcurrentMap<Typist, Instant> lastTypingNotice = new ConcurrentHashMap<>();

    public ChatService(ChatMessageRepository messages, AppointmentAccess access, CurrentUser currentUser, AuditService audit,
                       RoomBus roomBus, Clock clock,
                       @Value("${mediscan.chat.rate-limit.messages}") int rateLimitMessages,
                       @Value("${mediscan.chat.rate-limit.window}") Duration rateLimitWindow) {
        this.messages = messages;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.roomBus = roomBus;
        this.clock = clock;
        this.rateLimitMessages = rateLimitMessages;
        this.rateLimitWindow = rateLimitWindow;
    }

    /**
     * Stores the current user's message and then tells the room. {@code clientMessageId} is chosen
     * by the sender when the message is composed; sending it again (after a lost connection or a
     * failed attempt) returns the message stored the first time instead of storing a second one.
     * <p>
     * Runs outside a surrounding transaction on purpose: when two sends of the same message race,
     * the loser's insert fails on the unique constraint, and only a fresh transaction can then read
     * the winner's row (PostgreSQL refuses any statement in a transaction that has failed).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ChatEntry send(long appointmentId, UUID clientMessageId, String text) {
        Objects.requireNonNull(clientMessageId, "clientMessageId");
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.CHAT_MESSAGE_SENT);
        SignedInUser user = currentUser.require();
        var earlier = messages.findByClientMessageId(clientMessageId);
        if (earlier.isPresent()) {
            return redelivered(earlier.get(), appointment, user);
        }
        if (appointment.getStatus().isFinal()) {
            throw refused(appointment, "consultation has ended", CLOSED);
        }
        String body = validated(text);
        // Both databases keep microseconds: the sender sees the same timestamp a reload shows.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (messages.countSentSince(appointmentId, user.accountId(), now.minus(rateLimitWindow))
                >= rateLimitMessages) {
            throw refused(appointment, "rate limit", RATE_LIMITED);
        }
        ChatMessage stored;
        try {
            stored = messages.saveAndFlush(new ChatMessage(appointment, appointment.participantAccount(user.accountId()), clientMessageId, body, now));
        } catch (DataIntegrityViolationException conflict) {
            ChatMessage winner = messages.findByClientMessageId(clientMessageId).orElseThrow(() -> conflict);
            return redelivered(winner, appointment, user);
        }
        lastTypingNotice.remove(new Typist(user.accountId(), appointmentId));
        audit.record(AuditAction.CHAT_MESSAGE_SENT, AuditOutcome.ALLOWED, AppointmentService.subject(appointment),
                "chat message " + stored.getId());
        ChatEntry entry = ChatEntry.of(stored);
        roomBus.publish(new ChatMessagePosted(entry));
        return entry;
    }

    /** The chat so far, in order, for a participant joining or rejoining the consultation. */
    @Transactional(readOnly = true)
    public ChatHistory history(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.CHAT_READ);
        return new ChatHistory(read(appointment, "chat history"), !appointment.getStatus().isFinal());
    }

    /** The whole chat of a consultation, for its record; its doctor and patient only. */
    @Transactional(readOnly = true)
    public List<ChatEntry> transcript(long appointmentId) {
        return read(access.requireParticipant(appointmentId, AuditAction.CHAT_READ), "chat transcript");
    }

    /**
     * The current user is composing a message. Keystrokes arrive often; the room hears of it at
     * most once per {@link #TYPING_NOTICE_INTERVAL}, and only while the chat is open. Access is
     * checked on every call, so each refused one is audited, not only the first of an interval.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void typing(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.CHAT_MESSAGE_SENT);
        SignedInUser user = currentUser.require();
        if (!appointment.getStatus().isFinal() && claimTypingNotice(new Typist(user.accountId(), appointmentId), clock.instant())) {
            roomBus.publish(new ChatTyping(appointmentId, user.accountId(), user.displayName()));
        }
    }

    private List<ChatEntry> read(Appointment appointment, String what) {
        List<ChatEntry> entries = messages.findConversation(appointment.getId()).stream()
                .map(ChatEntry::of).toList();
        audit.record(AuditAction.CHAT_READ, AuditOutcome.ALLOWED, AppointmentService.subject(appointment),
                what + ", " + entries.size() + " messages");
        return entries;
    }

    private ChatEntry redelivered(ChatMessage message, Appointment appointment, SignedInUser user) {
        if (!message.getAppointmentId().equals(appointment.getId()) || !message.getSender().getId().equals(user.accountId())) {
            audit.record(AuditAction.CHAT_MESSAGE_SENT, AuditOutcome.DENIED, AppointmentService.subject(appointment),
                    "message id belongs to another conversation");
            throw new NotFoundOrDeniedException();
        }
        ChatEntry entry = ChatEntry.of(message);
        // Views drop messages they already show; a view that missed the first publication gets it now.
        roomBus.publish(new ChatMessagePosted(entry));
        return entry;
    }

    private static String validated(String text) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleException("Type a message before sending.");
        }
        String body = text.strip();
        if (body.length() > ChatMessage.TEXT_MAX) {
            throw new BusinessRuleException("A message can have at most " + ChatMessage.TEXT_MAX + " characters; this one has "
                    + body.length() + ". Please shorten it or split it into two messages.");
        }
        return body;
    }

    private BusinessRuleException refused(Appointment appointment, String reason, String message) {
        audit.record(AuditAction.CHAT_MESSAGE_SENT, AuditOutcome.DENIED, AppointmentService.subject(appointment), reason);
        return new BusinessRuleException(message);
    }

    private boolean claimTypingNotice(Typist typist, Instant now) {
        if (lastTypingNotice.size() > TYPING_ENTRIES_BEFORE_PRUNING) {
            lastTypingNotice.values().removeIf(last -> last.plus(TYPING_NOTICE_INTERVAL).isBefore(now));
        }
        AtomicBoolean claimed = new AtomicBoolean();
        lastTypingNotice.compute(typist, (key, last) -> {
            if (last == null || !now.isBefore(last.plus(TYPING_NOTICE_INTERVAL))) {
                claimed.set(true);
                return now;
            }
            return last;
        });
        return claimed.get();
    }
}
