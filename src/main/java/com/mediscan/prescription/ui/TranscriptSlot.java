package com.mediscan.prescription.ui;

import com.mediscan.base.ui.ChatTranscripts;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.messages.MessageList;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where a consultation's chat transcript goes in the record. It is filled by the chat feature's
 * {@link ChatTranscripts} bean when there is one, and says so plainly when there is not.
 *
 * <p>{@code @Uses}: the production bundle loads a route's web components from what its classes
 * reference, and the transcript comes through an interface, so without it a records page opened
 * directly shows an empty, never-upgraded {@code vaadin-message-list}.
 */
@Uses(MessageList.class)
class TranscriptSlot extends Div {

    static final String CLASS_NAME = "chat-transcript-slot";

    TranscriptSlot(ObjectProvider<ChatTranscripts> transcripts, long appointmentId) {
        addClassName(CLASS_NAME);
        ChatTranscripts provider = transcripts.getIfAvailable();
        if (provider == null) {
            add(new Paragraph("The chat transcript is not available here."));
        } else {
            add(provider.transcriptOf(appointmentId));
        }
    }
}
