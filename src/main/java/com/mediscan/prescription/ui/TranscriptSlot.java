package com.mediscan.prescription.ui;

import com.mediscan.base.ui.RecordSection;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.messages.MessageList;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where a consultation's chat transcript goes in the record. It is filled by the
 * {@link RecordSection} named {@value #SECTION} (the chat feature's) when there is one, and says
 * so plainly when there is not.
 *
 * <p>{@code @Uses}: the production bundle loads a route's web components from what its classes
 * reference, and the transcript comes through an interface, so without it a records page opened
 * directly shows an empty, never-upgraded {@code vaadin-message-list}.
 */
@Uses(MessageList.class)
class TranscriptSlot extends Div {

    static final String CLASS_NAME = "chat-transcript-slot";
    static final String SECTION = "chat-transcript";

    TranscriptSlot(ObjectProvider<RecordSection> sections, long appointmentId) {
        addClassName(CLASS_NAME);
        sections.orderedStream().filter(section -> SECTION.equals(section.name())).findFirst().ifPresentOrElse(
                transcript -> add(transcript.contentFor(appointmentId)),
                () -> add(new Paragraph("The chat transcript is not available here.")));
    }
}
