package com.mediscan.chat.ui;

import com.mediscan.base.ui.RecordSection;
import com.mediscan.chat.service.ChatService;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.security.CurrentUser;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.stereotype.Component;

/**
 * Makes the chat components for one appointment. Views inject this and call {@link #create} for
 * the consultation's live chat, or {@link #transcriptOf} for the read-only chat in a record.
 */
@Component
public class ChatPanelFactory implements RecordSection {

    private final ChatService chatService;
    private final RoomBus roomBus;
    private final CurrentUser currentUser;
    private final Clock clock;
    /** Hides typing indicators once the other person stops typing; one thread serves every panel. */
    private final ScheduledExecutorService typingTimers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("chat-typing-timer").daemon().factory());

    public ChatPanelFactory(ChatService chatService, RoomBus roomBus, CurrentUser currentUser, Clock clock) {
        this.chatService = chatService;
        this.roomBus = roomBus;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The live chat of the appointment's consultation, for the signed-in doctor or patient. */
    public ChatPanel create(long appointmentId) {
        return new ChatPanel(appointmentId, currentUser.require(), chatService, roomBus, clock, typingTimers);
    }

    /** The consultation's chat as it was written, read-only, for the appointment's record. */
    public ChatTranscript transcriptOf(long appointmentId) {
        return new ChatTranscript(appointmentId, currentUser.require(), chatService);
    }

    /** The chat transcript as a section of the appointment's record (other features' record views). */
    @Override
    public String name() {
        return "chat-transcript";
    }

    @Override
    public ChatTranscript contentFor(long appointmentId) {
        return transcriptOf(appointmentId);
    }

    @PreDestroy
    void stopTimers() {
        typingTimers.shutdownNow();
    }
}
