package com.mediscan.chat.ui;

import com.mediscan.account.domain.Role;
import com.mediscan.attachment.service.AttachmentAddedToRecord;
import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentPosted;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.base.ui.Notices;
import com.mediscan.chat.domain.ChatMessage;
import com.mediscan.chat.service.ChatEntry;
import com.mediscan.chat.service.ChatHistory;
import com.mediscan.chat.service.ChatMessagePosted;
import com.mediscan.chat.service.ChatService;
import com.mediscan.chat.service.ChatTyping;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.consultation.service.RoomResync;
import com.mediscan.security.SignedInUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.messages.MessageListItem;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The live chat of one consultation, for its doctor or patient. Loads the history when attached
 * and follows the room while attached; the other participant's messages and typing notices
 * arrive through push.
 * <p>
 * A plain {@link TextArea} and a Send button compose messages rather than {@code MessageInput}:
 * MessageInput clears itself in the browser before the server has stored anything and has no
 * server-side value, length limit or keystroke events, so it could neither keep the text of a
 * failed send, nor show a counter, nor report typing.
 * <p>
 * Each composed message carries an id chosen before its first send attempt and kept until the
 * server confirms it stored, so every retry of the same message (a Vaadin resend after a lost
 * connection, or the person pressing Send again after a failure) is stored once.
 * <p>
 * Photos and files sent in the consultation (with {@code Attach file} or the call's {@code Take
 * photo}) appear in the same list, in the order they were sent; clicking one opens the viewer.
 */
public class ChatPanel extends VerticalLayout {

    /** How long "… is typing" stays without a fresh notice; notices come every two seconds while typing. */
    static final Duration TYPING_SHOWN_FOR = ChatService.TYPING_NOTICE_INTERVAL.multipliedBy(2);
    static final String NOT_SENT = "Your message was not sent. It is still in the box; press Send to try again.";
    private static final int VALUE_SYNC_MILLIS = 500;
    private static final int NEAR_LIMIT = ChatMessage.TEXT_MAX - 200;
    private static final Logger log = LoggerFactory.getLogger(ChatPanel.class);

    final MessageList messages = new MessageList();
    final Paragraph emptyNote = new Paragraph("No messages yet. Only you and the other participant can read this chat.");
    final Span typingIndicator = new Span();
    final TextArea input = new TextArea("Message");
    final Span counter = new Span();
    final Button sendButton = new Button("Send", VaadinIcon.PAPERPLANE.create());
    final Span sendError = new Span();
    final Paragraph readOnlyNote = new Paragraph("This consultation has ended. Its chat can be read but not added to.");
    final AttachFileButton attachFile;
    final Span attachmentNotice = new Span();
    AttachmentViewer fileViewer;
    private final HorizontalLayout composer;

    private final long appointmentId;
    private final SignedInUser viewer;
    private final ChatService chatService;
    private final AttachmentService attachmentService;
    private final RoomBus roomBus;
    private final Clock clock;
    private final ScheduledExecutorService typingTimers;

    private final List<ChatEntry> shown = new ArrayList<>();
    private final Set<Long> shownIds = new HashSet<>();
    private final Map<Long, AttachmentEntry> attachmentsShown = new LinkedHashMap<>();
    private final Map<MessageListItem, AttachmentEntry> attachmentItems = new IdentityHashMap<>();
    private final List<IntConsumer> unreadCountListeners = new ArrayList<>();
    private UUID composedMessageId = UUID.randomUUID();
    private AutoCloseable roomSubscription;
    /** The viewer's sign-in, for catching up from the database on the bus's thread. */
    private SecurityContext viewerSecurity;
    private boolean panelOpen = true;
    private boolean readOnly;
    private int unreadCount;
    private Instant typingShownUntil;

    ChatPanel(long appointmentId, SignedInUser viewer, ChatService chatService, AttachmentService attachmentService,
              long maxFileSize, RoomBus roomBus, Clock clock, ScheduledExecutorService typingTimers) {
        this.appointmentId = appointmentId;
        this.viewer = viewer;
        this.chatService = chatService;
        this.attachmentService = attachmentService;
        this.roomBus = roomBus;
        this.clock = clock;
        this.typingTimers = typingTimers;
        addClassName("chat-panel");
        setPadding(false);
        setSpacing(false);

        messages.addClassName("chat-messages");
        messages.setWidthFull();
        messages.setAnnounceMessages(true);
        emptyNote.addClassName("chat-empty");
        typingIndicator.addClassName("chat-typing");
        typingIndicator.getElement().setAttribute("aria-live", "polite");
        typingIndicator.setVisible(false);

        input.addClassName("chat-input");
        input.setPlaceholder("Type a message");
        input.setMaxLength(ChatMessage.TEXT_MAX);
        input.setWidthFull();
        input.setValueChangeMode(ValueChangeMode.TIMEOUT);
        input.setValueChangeTimeout(VALUE_SYNC_MILLIS);
        input.setHelperComponent(counter);
        input.addValueChangeListener(change -> {
            updateCounter();
            if (change.isFromClient()) {
                sendError.setVisible(false);
                if (!change.getValue().isBlank()) {
                    reportTyping();
                }
            }
        });
        Shortcuts.addShortcutListener(input, this::send, Key.ENTER).listenOn(input);
        counter.addClassName("chat-counter");
        updateCounter();

        sendButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sendButton.addClickListener(click -> send());
        sendError.addClassName("chat-send-error");
        sendError.getElement().setAttribute("role", "alert");
        sendError.setVisible(false);
        readOnlyNote.addClassName("chat-read-only");
        readOnlyNote.setVisible(false);

        attachFile = new AttachFileButton(appointmentId, viewer.accountId(), attachmentService, maxFileSize,
                this::sentAttachment, this::showSendError);
        attachmentNotice.addClassName("chat-attachment-notice");
        attachmentNotice.getElement().setAttribute("role", "status");
        attachmentNotice.setVisible(false);
        messages.addAttachmentClickListener(click -> {
            AttachmentEntry entry = attachmentItems.get(click.getItem());
            if (entry != null) {
                openViewer(entry);
            }
        });

        composer = new HorizontalLayout(input, sendButton);
        composer.addClassName("chat-composer");
        composer.setWidthFull();
        composer.setAlignItems(FlexComponent.Alignment.BASELINE);
        composer.expand(input);

        add(new H3("Chat"), emptyNote, messages, typingIndicator, attachmentNotice, sendError, composer, attachFile, readOnlyNote);
        setFlexGrow(1, messages);
    }

    /** Tells the panel whether it is on screen: while closed, the other participant's messages count as unread. */
    public void setPanelOpen(boolean open) {
        panelOpen = open;
        if (open) {
            setUnreadCount(0);
        }
    }

    public boolean isPanelOpen() {
        return panelOpen;
    }

    /** Called with the number of unread messages whenever it changes (for a badge while the panel is closed). */
    public Registration addUnreadCountListener(IntConsumer listener) {
        unreadCountListeners.add(listener);
        return () -> unreadCountListeners.remove(listener);
    }

    public int getUnreadCount() {
        return unreadCount;
    }

    /** Read-only after the consultation: the history stays, the composer goes. Set on its own when the chat has closed. */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        composer.setVisible(!readOnly);
        attachFile.setVisible(!readOnly);
        readOnlyNote.setVisible(readOnly);
        if (readOnly) {
            hideTyping();
        }
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        viewerSecurity = SecurityContextHolder.createEmptyContext();
        viewerSecurity.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        // Subscribe before loading, so nothing posted in between is missed; duplicates are dropped by id.
        roomSubscription = roomBus.subscribe(appointmentId, event -> deliver(ui, event));
        try {
            ChatHistory history = chatService.history(appointmentId);
            attachmentsShown.clear();
            attachmentService.list(appointmentId).forEach(entry -> attachmentsShown.put(entry.id(), entry));
            showHistory(history.messages());
            if (!history.openForSending()) {
                setReadOnly(true);
            }
        } catch (NotFoundOrDeniedException refused) {
            closeSubscription();
            showHistory(List.of());
            emptyNote.setText(refused.getMessage());
            setReadOnly(true);
            readOnlyNote.setVisible(false);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        closeSubscription();
        hideTyping();
        super.onDetach(detachEvent);
    }

    void send() {
        if (readOnly) {
            return;
        }
        try {
            ChatEntry stored = chatService.send(appointmentId, composedMessageId, input.getValue());
            composedMessageId = UUID.randomUUID();
            show(stored);
            input.clear();
            sendError.setVisible(false);
        } catch (BusinessRuleException | NotFoundOrDeniedException refused) {
            showSendError(refused.getMessage());
        } catch (RuntimeException failure) {
            log.warn("Chat message for appointment {} could not be stored", appointmentId, failure);
            showSendError(NOT_SENT);
        }
    }

    /** Hides the typing indicator if no typing notice has renewed it by {@code now}. */
    void hideTypingIfQuiet(Instant now) {
        if (typingShownUntil != null && !now.isBefore(typingShownUntil)) {
            hideTyping();
        }
    }

    private void deliver(UI ui, RoomEvent event) {
        if (!(event instanceof ChatMessagePosted) && !(event instanceof ChatTyping) && !(event instanceof RoomResync)
                && !(event instanceof AttachmentPosted) && !(event instanceof AttachmentAddedToRecord)) {
            return;
        }
        try {
            ui.access(() -> {
                if (roomSubscription == null) {
                    return;
                }
                if (event instanceof ChatMessagePosted posted) {
                    received(posted.message());
                } else if (event instanceof RoomResync) {
                    catchUp();
                } else if (event instanceof AttachmentPosted posted) {
                    receivedAttachment(posted.attachment());
                } else if (event instanceof AttachmentAddedToRecord added) {
                    addedToRecord(added);
                } else if (event instanceof ChatTyping typing && typing.senderAccountId() != viewer.accountId() && !readOnly) {
                    showTyping(typing.senderName());
                }
            });
        } catch (UIDetachedException closed) {
            // The tab is gone; its detach closes the subscription.
        }
    }

    private void received(ChatEntry entry) {
        boolean fromOther = entry.senderAccountId() != viewer.accountId();
        if (show(entry) && fromOther) {
            hideTyping();
            if (!panelOpen) {
                setUnreadCount(unreadCount + 1);
            }
        }
    }

    /** Messages may have been missed (the room bus reconnected): adds whatever the database has that is not shown. */
    void catchUp() {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(viewerSecurity);
        try {
            chatService.history(appointmentId).messages().forEach(this::received);
            attachmentService.list(appointmentId).forEach(this::showAttachment);
        } catch (RuntimeException failure) {
            log.warn("Chat of appointment {} could not catch up after a bus reconnect", appointmentId, failure);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void showHistory(List<ChatEntry> history) {
        shown.clear();
        shownIds.clear();
        history.forEach(entry -> {
            shown.add(entry);
            shownIds.add(entry.id());
        });
        render();
    }

    /** Adds a message unless it is already shown; keeps the conversation order. */
    private boolean show(ChatEntry entry) {
        if (!shownIds.add(entry.id())) {
            return false;
        }
        boolean inOrder = (shown.isEmpty() || ChatEntry.CONVERSATION_ORDER.compare(shown.getLast(), entry) <= 0)
                && attachmentsShown.values().stream().noneMatch(attachment -> attachment.sentAt().isAfter(entry.sentAt()));
        shown.add(entry);
        if (inOrder) {
            messages.addItem(ChatItems.item(entry, viewer.accountId()));
            emptyNote.setVisible(false);
        } else {
            shown.sort(ChatEntry.CONVERSATION_ORDER);
            render();
        }
        return true;
    }

    /** Messages and attachments merged in the order they were sent (by server time; messages first on a tie). */
    private void render() {
        record Row(Instant at, int kind, long id, MessageListItem item) {
        }
        attachmentItems.clear();
        List<Row> rows = new ArrayList<>();
        shown.forEach(entry -> rows.add(new Row(entry.sentAt(), 0, entry.id(), ChatItems.item(entry, viewer.accountId()))));
        attachmentsShown.values().forEach(entry -> {
            MessageListItem item = ChatItems.item(entry, viewer.accountId());
            attachmentItems.put(item, entry);
            rows.add(new Row(entry.sentAt(), 1, entry.id(), item));
        });
        rows.sort(Comparator.comparing(Row::at).thenComparingInt(Row::kind).thenComparingLong(Row::id));
        messages.setItems(rows.stream().map(Row::item).toList());
        emptyNote.setVisible(rows.isEmpty());
    }

    /** A photo or file this panel sent or the room announced; shown once, updated when added to the record. */
    void showAttachment(AttachmentEntry entry) {
        AttachmentEntry before = attachmentsShown.put(entry.id(), entry);
        if (entry.equals(before)) {
            return;
        }
        render();
    }

    /** A file this person sent was stored: whatever went wrong with an earlier attempt is over. */
    private void sentAttachment(AttachmentEntry entry) {
        sendError.setVisible(false);
        showAttachment(entry);
    }

    private void receivedAttachment(AttachmentEntry entry) {
        boolean isNew = !attachmentsShown.containsKey(entry.id());
        showAttachment(entry);
        if (isNew && entry.senderAccountId() != viewer.accountId() && !panelOpen) {
            setUnreadCount(unreadCount + 1);
        }
    }

    private void addedToRecord(AttachmentAddedToRecord added) {
        showAttachment(added.attachment());
        if (fileViewer != null && fileViewer.isOpened() && fileViewer.shows(added.attachment().id())) {
            fileViewer.markInRecord();
        }
        if (added.senderAccountId() != viewer.accountId()) {
            attachmentNotice.setText(added.doctorName() + " added “" + added.attachment().fileName() + "” to your record.");
            attachmentNotice.setVisible(true);
            // The chat may be closed: the patient hears of it over the call too.
            Notices.success(attachmentNotice.getText());
        }
    }

    void openViewer(AttachmentEntry entry) {
        AttachmentEntry current = attachmentsShown.getOrDefault(entry.id(), entry);
        fileViewer = new AttachmentViewer(current, viewer.is(Role.DOCTOR), () -> addToRecord(current));
        fileViewer.open();
    }

    private void addToRecord(AttachmentEntry entry) {
        try {
            AttachmentEntry added = attachmentService.addToRecord(entry.id());
            showAttachment(added);
            if (fileViewer != null) {
                fileViewer.markInRecord();
            }
        } catch (BusinessRuleException | NotFoundOrDeniedException refused) {
            showSendError(refused.getMessage());
        }
    }

    private void reportTyping() {
        try {
            chatService.typing(appointmentId);
        } catch (RuntimeException notDelivered) {
            // A typing notice is a courtesy; losing one must not disturb the person typing.
            log.debug("Typing notice for appointment {} not delivered", appointmentId, notDelivered);
        }
    }

    private void showTyping(String senderName) {
        typingIndicator.setText(senderName + " is typing…");
        typingIndicator.setVisible(true);
        typingShownUntil = clock.instant().plus(TYPING_SHOWN_FOR);
        UI ui = getUI().orElse(null);
        if (ui == null) {
            return;
        }
        typingTimers.schedule(() -> {
            try {
                ui.access(() -> hideTypingIfQuiet(clock.instant()));
            } catch (UIDetachedException closed) {
                // Nothing left to hide.
            }
        }, TYPING_SHOWN_FOR.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void hideTyping() {
        typingShownUntil = null;
        typingIndicator.setVisible(false);
        typingIndicator.setText("");
    }

    private void showSendError(String message) {
        sendError.setText(message);
        sendError.setVisible(true);
    }

    private void updateCounter() {
        int length = input.getValue().length();
        counter.setText(length + " / " + ChatMessage.TEXT_MAX);
        counter.setClassName("near-limit", length > NEAR_LIMIT);
    }

    private void setUnreadCount(int count) {
        if (count != unreadCount) {
            unreadCount = count;
            List.copyOf(unreadCountListeners).forEach(listener -> listener.accept(count));
        }
    }

    private void closeSubscription() {
        if (roomSubscription != null) {
            try {
                roomSubscription.close();
            } catch (Exception unexpected) {
                log.warn("Leaving the chat room of appointment {} failed", appointmentId, unexpected);
            }
            roomSubscription = null;
        }
    }
}
