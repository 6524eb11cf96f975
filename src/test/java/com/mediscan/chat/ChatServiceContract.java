package com.mediscan.chat;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.chat.domain.ChatMessage;
import com.mediscan.chat.domain.ChatMessageRepository;
import com.mediscan.chat.service.ChatEntry;
import com.mediscan.chat.service.ChatHistory;
import com.mediscan.chat.service.ChatMessagePosted;
import com.mediscan.chat.service.ChatService;
import com.mediscan.chat.service.ChatTyping;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.SecurityTestSupport;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the chat service must do on every supported database: keep order, store a message once
 * however often (and however concurrently) it is sent, let only the appointment's doctor and
 * patient in (auditing refusals), and hold the rate and length limits. Subclasses pick the
 * database; each prints which one it ran on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChatServiceContract {

    @Autowired
    ChatService chat;
    @Autowired
    ChatMessageRepository messages;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    RoomBus roomBus;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;
    @Value("${mediscan.chat.rate-limit.messages}")
    int rateLimitMessages;

    private String databaseName;
    private ChatTestAppointments testAppointments;
    private Appointment appointment;
    private final List<RoomEvent> roomEvents = new CopyOnWriteArrayList<>();
    private AutoCloseable roomSubscription;

    @BeforeAll
    void identifyDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            databaseName = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }

    @AfterAll
    void reportDatabase() {
        System.out.println("[database tests] " + getClass().getSimpleName() + " ran on " + databaseName);
    }

    @BeforeEach
    void freshConsultation() {
        testAppointments = new ChatTestAppointments(context);
        appointment = testAppointments.scheduled(DemoUsers.RAJESH, DemoUsers.KRIYA);
        roomEvents.clear();
        roomSubscription = roomBus.subscribe(appointment.getId(), roomEvents::add);
    }

    @AfterEach
    void leave() throws Exception {
        roomSubscription.close();
        SecurityTestSupport.signOut();
        testAppointments.removeCreated();
    }

    private ChatEntry send(String email, String text) {
        actAs(users, email);
        return chat.send(appointment.getId(), UUID.randomUUID(), text);
    }

    @Test
    void historyKeepsTheOrderOfWritingWithSenderNames() {
        send(DemoUsers.RAJESH, "Good morning, Kriya.");
        send(DemoUsers.KRIYA, "Good morning, doctor.");
        send(DemoUsers.RAJESH, "How are the palpitations?");

        actAs(users, DemoUsers.KRIYA);
        ChatHistory history = chat.history(appointment.getId());

        assertThat(history.openForSending()).isTrue();
        assertThat(history.messages()).extracting(ChatEntry::text)
                .containsExactly("Good morning, Kriya.", "Good morning, doctor.", "How are the palpitations?");
        assertThat(history.messages()).extracting(ChatEntry::senderName)
                .containsExactly("Dr. Rajesh Patel", "Kriya Mehta", "Dr. Rajesh Patel");
        assertThat(history.messages()).isSortedAccordingTo(ChatEntry.CONVERSATION_ORDER);
        assertThat(history.messages()).extracting(ChatEntry::id).isSorted();
    }

    @Test
    void aMessageIsStoredBeforeTheRoomHearsOfIt() {
        List<Optional<ChatMessage>> storedWhenPublished = new ArrayList<>();
        UUID clientMessageId = UUID.randomUUID();
        try (AutoCloseable probe = roomBus.subscribe(appointment.getId(), event -> {
            if (event instanceof ChatMessagePosted) {
                storedWhenPublished.add(messages.findByClientMessageId(clientMessageId));
            }
        })) {
            actAs(users, DemoUsers.KRIYA);
            chat.send(appointment.getId(), clientMessageId, "Is it stored?");
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
        assertThat(storedWhenPublished).singleElement().satisfies(stored -> assertThat(stored).isPresent());
    }

    @Test
    void theRoomHearsOfAMessageWhileTheSenderHoldsNoConnection() {
        List<Map<Object, Object>> boundWhenPublished = new ArrayList<>();
        try (AutoCloseable probe = roomBus.subscribe(appointment.getId(), event -> {
            if (event instanceof ChatMessagePosted) {
                boundWhenPublished.add(Map.copyOf(TransactionSynchronizationManager.getResourceMap()));
            }
        })) {
            send(DemoUsers.KRIYA, "Is a connection held while you hear this?");
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
        // The relay runs the other side's listeners and the cluster bus's NOTIFY: holding a connection through it costs two.
        assertThat(boundWhenPublished).singleElement()
                .satisfies(bound -> assertThat(bound).as("EntityManagers and connections bound to the sender's thread").isEmpty());
    }

    @Test
    void resendingAMessageReturnsTheStoredOneAndNeverDuplicatesIt() {
        actAs(users, DemoUsers.KRIYA);
        UUID clientMessageId = UUID.randomUUID();
        ChatEntry first = chat.send(appointment.getId(), clientMessageId, "I feel dizzy sometimes.");
        ChatEntry again = chat.send(appointment.getId(), clientMessageId, "I feel dizzy sometimes.");

        assertThat(again).isEqualTo(first);
        assertThat(chat.history(appointment.getId()).messages()).singleElement()
                .satisfies(entry -> assertThat(entry.clientMessageId()).isEqualTo(clientMessageId));
    }

    @Test
    void aConcurrentDoubleSendIsStoredOnce() throws Exception {
        int senders = 6;
        UUID clientMessageId = UUID.randomUUID();
        CountDownLatch ready = new CountDownLatch(senders);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<ChatEntry>> results = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                results.add(pool.submit(() -> {
                    actAs(users, DemoUsers.KRIYA);
                    ready.countDown();
                    go.await();
                    return chat.send(appointment.getId(), clientMessageId, "Sent twice by a flaky connection");
                }));
            }
            ready.await();
            go.countDown();
            List<ChatEntry> entries = new ArrayList<>();
            for (Future<ChatEntry> result : results) {
                entries.add(result.get());
            }
            assertThat(entries).extracting(ChatEntry::id).containsOnly(entries.getFirst().id());
        } finally {
            pool.shutdownNow();
        }
        actAs(users, DemoUsers.KRIYA);
        assertThat(chat.history(appointment.getId()).messages()).hasSize(1);
    }

    @Test
    void theDatabaseItselfRefusesASecondRowWithTheSameClientMessageId() {
        actAs(users, DemoUsers.KRIYA);
        ChatEntry stored = chat.send(appointment.getId(), UUID.randomUUID(), "original");
        ChatMessage original = messages.findById(stored.id()).orElseThrow();

        assertThatThrownBy(() -> messages.saveAndFlush(new ChatMessage(appointment, original.getSender(),
                stored.clientMessageId(), "copy", stored.sentAt())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anotherPatientAndAnotherDoctorAreRefusedAndAudited() {
        send(DemoUsers.KRIYA, "Private to my doctor");
        long appointmentId = appointment.getId();
        for (String outsider : new String[] {DemoUsers.ARJUN, DemoUsers.SNEHA, DemoUsers.ADMIN}) {
            actAs(users, outsider);
            assertThatThrownBy(() -> chat.send(appointmentId, UUID.randomUUID(), "let me in"))
                    .isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> chat.history(appointmentId)).isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> chat.transcript(appointmentId)).isInstanceOf(NotFoundOrDeniedException.class);
            // Typing twice inside one notice interval: both are refused and recorded.
            assertThatThrownBy(() -> chat.typing(appointmentId)).isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> chat.typing(appointmentId)).isInstanceOf(NotFoundOrDeniedException.class);

            assertThat(auditOf(outsider)).filteredOn(deniedOn(AuditAction.CHAT_MESSAGE_SENT)).hasSize(3);
            assertThat(auditOf(outsider)).filteredOn(deniedOn(AuditAction.CHAT_READ)).hasSize(2);
        }
        assertThat(roomEvents).noneMatch(ChatTyping.class::isInstance);
        actAs(users, DemoUsers.KRIYA);
        assertThat(chat.history(appointmentId).messages()).extracting(ChatEntry::text).containsExactly("Private to my doctor");
    }

    @Test
    void readingTheChatIsAudited() {
        actAs(users, DemoUsers.RAJESH);
        chat.history(appointment.getId());
        chat.transcript(appointment.getId());

        assertThat(auditOf(DemoUsers.RAJESH))
                .filteredOn(e -> e.getAction() == AuditAction.CHAT_READ && e.getOutcome() == AuditOutcome.ALLOWED
                        && appointment.getPatient().getAccount().getId().equals(e.getPatientAccountId()))
                .extracting(AuditEvent::getDetail)
                .containsExactly("chat history, 0 messages", "chat transcript, 0 messages");
    }

    @Test
    void sendingIsAudited() {
        ChatEntry entry = send(DemoUsers.RAJESH, "Please keep a diary of the episodes.");
        assertThat(auditOf(DemoUsers.RAJESH))
                .anyMatch(e -> e.getAction() == AuditAction.CHAT_MESSAGE_SENT && e.getOutcome() == AuditOutcome.ALLOWED
                        && ("chat message " + entry.id()).equals(e.getDetail()));
    }

    @Test
    void aResendCannotClaimAnotherPersonsMessage() {
        ChatEntry kriyas = send(DemoUsers.KRIYA, "mine");
        actAs(users, DemoUsers.RAJESH);
        assertThatThrownBy(() -> chat.send(appointment.getId(), kriyas.clientMessageId(), "not mine"))
                .isInstanceOf(NotFoundOrDeniedException.class);
        assertThat(chat.history(appointment.getId()).messages()).extracting(ChatEntry::text).containsExactly("mine");
    }

    @Test
    void aPersonSendingTooFastIsAskedPolitelyToWait() {
        for (int i = 1; i <= rateLimitMessages; i++) {
            send(DemoUsers.KRIYA, "message " + i);
        }
        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "one too many"))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("Please wait a few seconds");
        assertThat(auditOf(DemoUsers.KRIYA)).anyMatch(deniedOn(AuditAction.CHAT_MESSAGE_SENT).and(e -> "rate limit".equals(e.getDetail())));

        // The limit is per person: the doctor can still answer.
        assertThat(send(DemoUsers.RAJESH, "Take your time.").text()).isEqualTo("Take your time.");
        actAs(users, DemoUsers.RAJESH);
        assertThat(chat.history(appointment.getId()).messages()).hasSize(rateLimitMessages + 1);
    }

    @Test
    void textIsCheckedAtTheServer() {
        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "   \n ")).isInstanceOf(BusinessRuleException.class)
                .hasMessage("Type a message before sending.");
        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "x".repeat(ChatMessage.TEXT_MAX + 1)))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("at most 2000 characters; this one has 2001");

        assertThat(send(DemoUsers.KRIYA, "y".repeat(ChatMessage.TEXT_MAX)).text()).hasSize(ChatMessage.TEXT_MAX);
        assertThat(send(DemoUsers.KRIYA, "  trimmed \n").text()).isEqualTo("trimmed");
        String payload = "<img src=x onerror=alert(1)>";
        assertThat(send(DemoUsers.KRIYA, payload).text()).isEqualTo(payload);
    }

    @Test
    void afterTheConsultationTheChatIsReadOnlyForItsParticipants() {
        send(DemoUsers.RAJESH, "See you in a month.");
        testAppointments.complete(appointment);

        actAs(users, DemoUsers.KRIYA);
        assertThatThrownBy(() -> chat.send(appointment.getId(), UUID.randomUUID(), "One more thing"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("has ended");
        ChatHistory history = chat.history(appointment.getId());
        assertThat(history.openForSending()).isFalse();
        assertThat(history.messages()).extracting(ChatEntry::text).containsExactly("See you in a month.");
        assertThat(chat.transcript(appointment.getId())).extracting(ChatEntry::text).containsExactly("See you in a month.");
    }

    @Test
    void typingNoticesAreThrottledAndSendingResetsTheThrottle() {
        actAs(users, DemoUsers.KRIYA);
        for (int keystroke = 0; keystroke < 20; keystroke++) {
            chat.typing(appointment.getId());
        }
        assertThat(roomEvents).filteredOn(ChatTyping.class::isInstance).singleElement()
                .isEqualTo(new ChatTyping(appointment.getId(), appointment.getPatient().getAccount().getId(), "Kriya Mehta"));

        chat.send(appointment.getId(), UUID.randomUUID(), "Sent");
        chat.typing(appointment.getId());
        assertThat(roomEvents).filteredOn(ChatTyping.class::isInstance).hasSize(2);
    }

    @Test
    void nobodyTypesInAFinishedConsultation() {
        testAppointments.complete(appointment);
        actAs(users, DemoUsers.RAJESH);
        chat.typing(appointment.getId());
        assertThat(roomEvents).isEmpty();
    }

    private List<AuditEvent> auditOf(String email) {
        return auditEvents.findByActorEmailOrderByIdAsc(email).stream()
                .filter(e -> appointment.getId().equals(e.getRecordId()))
                .toList();
    }

    private static Predicate<AuditEvent> deniedOn(AuditAction action) {
        return e -> e.getAction() == action && e.getOutcome() == AuditOutcome.DENIED;
    }
}
