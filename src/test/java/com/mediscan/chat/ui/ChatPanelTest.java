package com.mediscan.chat.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.chat.ChatTestAppointments;
import com.mediscan.chat.domain.ChatMessage;
import com.mediscan.chat.domain.ChatMessageRepository;
import com.mediscan.chat.service.ChatService;
import com.mediscan.chat.service.ChatTyping;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.SecurityTestSupport;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.messages.MessageListItem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The live chat as Dr. Patel sees it in his consultation with Kriya. Kriya's side is played
 * through the service and the real room bus, as her own browser would.
 */
class ChatPanelTest extends KaribuTest {

    private static final String PAYLOAD = "<img src=x onerror=alert(1)>";

    @Autowired
    ChatPanelFactory chatPanels;
    @Autowired
    ChatService chatService;
    @Autowired
    ChatMessageRepository storedMessages;
    @Autowired
    RoomBus roomBus;
    @Autowired
    UserDetailsService users;
    @Autowired
    Clock clock;
    @Value("${mediscan.chat.rate-limit.messages}")
    int rateLimitMessages;

    private ChatTestAppointments testAppointments;
    private Appointment appointment;

    @BeforeEach
    void openConsultation() {
        testAppointments = new ChatTestAppointments(applicationContext);
        appointment = testAppointments.scheduled(DemoUsers.RAJESH, DemoUsers.KRIYA);
    }

    @AfterEach
    void removeConsultation() {
        testAppointments.removeCreated();
    }

    private ChatPanel panelFor(String email) {
        signIn(email);
        ChatPanel panel = chatPanels.create(appointment.getId());
        UI.getCurrent().add(panel);
        return panel;
    }

    /** Kriya writes from her own browser; the doctor's UI then processes what push delivers. */
    private void kriyaSends(String text) {
        as(DemoUsers.KRIYA, () -> chatService.send(appointment.getId(), UUID.randomUUID(), text));
    }

    private void as(String email, Runnable action) {
        Authentication viewer = SecurityContextHolder.getContext().getAuthentication();
        SecurityTestSupport.actAs(users, email);
        try {
            action.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(viewer);
        }
        MockVaadin.runUIQueue();
    }

    private static List<String> texts(ChatPanel panel) {
        return panel.messages.getItems().stream().map(MessageListItem::getText).toList();
    }

    private static List<String> senders(ChatPanel panel) {
        return panel.messages.getItems().stream().map(MessageListItem::getUserName).toList();
    }

    @Test
    void sendingStoresTheMessageShowsItAndEmptiesTheInput() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        assertThat(panel.emptyNote.isVisible()).isTrue();

        _setValue(panel.input, "How are you feeling today?");
        _click(panel.sendButton);

        ChatMessage stored = storedMessages.findConversation(appointment.getId()).getFirst();
        assertThat(texts(panel)).containsExactly("How are you feeling today?");
        assertThat(senders(panel)).containsExactly("Dr. Rajesh Patel");
        assertThat(panel.messages.getItems().getFirst().getTime()).isEqualTo(stored.getSentAt());
        assertThat(panel.input.getValue()).isEmpty();
        assertThat(panel.counter.getText()).isEqualTo("0 / 2000");
        assertThat(panel.emptyNote.isVisible()).isFalse();
        assertThat(panel.sendError.isVisible()).isFalse();
    }

    @Test
    void enterSendsTheMessage() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        _setValue(panel.input, "Sent with Enter");
        ShortcutsKt._fireShortcut(panel.input, Key.ENTER);
        assertThat(texts(panel)).containsExactly("Sent with Enter");
    }

    @Test
    void theSameWordsSentTwiceOnPurposeAreTwoMessages() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        _setValue(panel.input, "Thank you");
        _click(panel.sendButton);
        _setValue(panel.input, "Thank you");
        _click(panel.sendButton);

        assertThat(texts(panel)).containsExactly("Thank you", "Thank you");
        assertThat(storedMessages.findConversation(appointment.getId())).extracting(ChatMessage::getClientMessageId)
                .doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void theOtherParticipantsMessageArrivesThroughTheRoom() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        _setValue(panel.input, "Good morning");
        _click(panel.sendButton);

        kriyaSends("Good morning, doctor");

        assertThat(texts(panel)).containsExactly("Good morning", "Good morning, doctor");
        assertThat(senders(panel)).containsExactly("Dr. Rajesh Patel", "Kriya Mehta");
        assertThat(panel.messages.getItems().get(1).hasClassName("own-message")).isFalse();
        assertThat(panel.messages.getItems().get(0).hasClassName("own-message")).isTrue();
    }

    @Test
    void aMessagePublishedTwiceIsShownOnce() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        UUID clientMessageId = UUID.randomUUID();
        as(DemoUsers.KRIYA, () -> chatService.send(appointment.getId(), clientMessageId, "Resent after a reconnect"));
        as(DemoUsers.KRIYA, () -> chatService.send(appointment.getId(), clientMessageId, "Resent after a reconnect"));

        assertThat(texts(panel)).containsExactly("Resent after a reconnect");
    }

    @Test
    void reattachingLoadsTheWholeHistoryInOrderAndDetachingLeavesTheRoom() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        _setValue(panel.input, "Before the reload");
        _click(panel.sendButton);

        UI.getCurrent().remove(panel);
        kriyaSends("While the doctor was away");
        assertThat(texts(panel)).containsExactly("Before the reload");

        UI.getCurrent().add(panel);
        assertThat(texts(panel)).containsExactly("Before the reload", "While the doctor was away");

        kriyaSends("After the reload");
        assertThat(texts(panel)).containsExactly("Before the reload", "While the doctor was away", "After the reload");
    }

    @Test
    void markupIsShownAsText() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        _setValue(panel.input, PAYLOAD);
        _click(panel.sendButton);
        kriyaSends("<b>bold?</b>");

        assertThat(panel.messages.isMarkdown()).isFalse();
        assertThat(texts(panel)).containsExactly(PAYLOAD, "<b>bold?</b>");
    }

    @Test
    void theCounterFollowsTheTextAndTheInputStopsAtTheLimit() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        assertThat(panel.input.getMaxLength()).isEqualTo(ChatMessage.TEXT_MAX);
        assertThat(panel.counter.getText()).isEqualTo("0 / 2000");

        _setValue(panel.input, "Hello");
        assertThat(panel.counter.getText()).isEqualTo("5 / 2000");
        assertThat(panel.counter.hasClassName("near-limit")).isFalse();

        _setValue(panel.input, "z".repeat(1950));
        assertThat(panel.counter.getText()).isEqualTo("1950 / 2000");
        assertThat(panel.counter.hasClassName("near-limit")).isTrue();
    }

    @Test
    void aRefusedMessageTellsTheSenderAndKeepsTheText() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        String tooLong = "a".repeat(ChatMessage.TEXT_MAX + 1);
        _setValue(panel.input, tooLong);
        _click(panel.sendButton);

        assertThat(panel.sendError.isVisible()).isTrue();
        assertThat(panel.sendError.getText()).contains("at most 2000 characters");
        assertThat(panel.input.getValue()).isEqualTo(tooLong);
        assertThat(texts(panel)).isEmpty();

        _setValue(panel.input, "Shorter");
        assertThat(panel.sendError.isVisible()).isFalse();
        _click(panel.sendButton);
        assertThat(texts(panel)).containsExactly("Shorter");
    }

    @Test
    void sendingTooFastIsRefusedPolitelyAndKeepsTheText() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        for (int i = 1; i <= rateLimitMessages; i++) {
            _setValue(panel.input, "note " + i);
            _click(panel.sendButton);
        }
        _setValue(panel.input, "one more");
        _click(panel.sendButton);

        assertThat(panel.sendError.getText()).contains("Please wait a few seconds");
        assertThat(panel.input.getValue()).isEqualTo("one more");
        assertThat(texts(panel)).hasSize(rateLimitMessages);
    }

    @Test
    void theDoctorSeesThePatientTypingUntilSheStops() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        assertThat(panel.typingIndicator.isVisible()).isFalse();

        as(DemoUsers.KRIYA, () -> chatService.typing(appointment.getId()));
        Instant shownAt = clock.instant();
        assertThat(panel.typingIndicator.isVisible()).isTrue();
        assertThat(panel.typingIndicator.getText()).isEqualTo("Kriya Mehta is typing…");

        panel.hideTypingIfQuiet(shownAt.plusSeconds(1));
        assertThat(panel.typingIndicator.isVisible()).isTrue();
        panel.hideTypingIfQuiet(shownAt.plus(ChatPanel.TYPING_SHOWN_FOR).plusSeconds(1));
        assertThat(panel.typingIndicator.isVisible()).isFalse();
    }

    @Test
    void theTypingIndicatorGoesWhenTheMessageArrives() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        as(DemoUsers.KRIYA, () -> chatService.typing(appointment.getId()));
        assertThat(panel.typingIndicator.isVisible()).isTrue();

        kriyaSends("Here it is");
        assertThat(panel.typingIndicator.isVisible()).isFalse();
    }

    @Test
    void thePatientSeesTheDoctorTypingAndOwnTypingIsNotShown() {
        ChatPanel panel = panelFor(DemoUsers.KRIYA);
        List<RoomEvent> typingNotices = new ArrayList<>();
        try (AutoCloseable probe = roomBus.subscribe(appointment.getId(), event -> {
            if (event instanceof ChatTyping) {
                typingNotices.add(event);
            }
        })) {
            for (String soFar : new String[] {"I", "I h", "I ha", "I hav", "I have"}) {
                _setValue(panel.input, soFar);
            }
            MockVaadin.runUIQueue();
            assertThat(typingNotices).as("keystrokes are throttled").hasSize(1);
            assertThat(panel.typingIndicator.isVisible()).as("own typing").isFalse();

            as(DemoUsers.RAJESH, () -> chatService.typing(appointment.getId()));
            assertThat(panel.typingIndicator.getText()).isEqualTo("Dr. Rajesh Patel is typing…");
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
    }

    @Test
    void messagesArrivingWhileThePanelIsClosedCountAsUnread() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        List<Integer> badge = new ArrayList<>();
        panel.addUnreadCountListener(badge::add);

        kriyaSends("Seen at once");
        assertThat(panel.getUnreadCount()).isZero();

        panel.setPanelOpen(false);
        kriyaSends("Are you there?");
        kriyaSends("Doctor?");
        as(DemoUsers.RAJESH, () -> chatService.send(appointment.getId(), UUID.randomUUID(), "From my other tab"));
        assertThat(panel.getUnreadCount()).isEqualTo(2);

        panel.setPanelOpen(true);
        assertThat(panel.getUnreadCount()).isZero();
        assertThat(badge).containsExactly(1, 2, 0);
    }

    @Test
    void afterTheConsultationTheHistoryStaysReadableButNothingCanBeAdded() {
        ChatPanel live = panelFor(DemoUsers.RAJESH);
        _setValue(live.input, "Take one tablet daily.");
        _click(live.sendButton);
        testAppointments.complete(appointment);

        ChatPanel later = panelFor(DemoUsers.KRIYA);
        assertThat(later.isReadOnly()).isTrue();
        assertThat(later.input.isVisible() && later.input.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(later.readOnlyNote.isVisible()).isTrue();
        assertThat(texts(later)).containsExactly("Take one tablet daily.");

        as(DemoUsers.RAJESH, () -> chatService.typing(appointment.getId()));
        assertThat(later.typingIndicator.isVisible()).isFalse();
    }

    @Test
    void theViewCanSwitchThePanelToReadOnly() {
        ChatPanel panel = panelFor(DemoUsers.RAJESH);
        panel.setReadOnly(true);
        assertThat(panel.readOnlyNote.isVisible()).isTrue();
        assertThat(panel.sendButton.getParent().orElseThrow().isVisible()).isFalse();
    }

    @Test
    void someoneElsesConsultationChatStaysClosed() {
        kriyaSends("Private");
        ChatPanel panel = panelFor(DemoUsers.SNEHA);

        assertThat(texts(panel)).isEmpty();
        assertThat(panel.emptyNote.getText()).isEqualTo("This record does not exist or you do not have access to it.");
        assertThat(panel.isReadOnly()).isTrue();

        kriyaSends("Still private");
        assertThat(texts(panel)).isEmpty();
    }
}
