package com.mediscan.chat.ui;

import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.chat.service.ChatEntry;
import com.mediscan.chat.service.ChatService;
import com.mediscan.security.SignedInUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/** A consultation's chat as it was written, read-only, for the appointment's record. Loaded when attached. */
public class ChatTranscript extends VerticalLayout {

    final MessageList messages = new MessageList();
    final Paragraph emptyNote = new Paragraph("No chat messages were exchanged in this consultation.");

    private final long appointmentId;
    private final SignedInUser viewer;
    private final ChatService chatService;

    ChatTranscript(long appointmentId, SignedInUser viewer, ChatService chatService) {
        this.appointmentId = appointmentId;
        this.viewer = viewer;
        this.chatService = chatService;
        addClassName("chat-transcript");
        setPadding(false);
        messages.addClassName("chat-messages");
        messages.setWidthFull();
        emptyNote.addClassName("chat-empty");
        add(new H3("Consultation chat"), emptyNote, messages);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        List<ChatEntry> transcript;
        try {
            transcript = chatService.transcript(appointmentId);
        } catch (NotFoundOrDeniedException refused) {
            transcript = List.of();
            emptyNote.setText(refused.getMessage());
        }
        messages.setItems(transcript.stream().map(entry -> ChatItems.item(entry, viewer.accountId())).toList());
        emptyNote.setVisible(transcript.isEmpty());
        messages.setVisible(!transcript.isEmpty());
    }
}
