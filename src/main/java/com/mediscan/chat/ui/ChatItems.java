package com.mediscan.chat.ui;

import com.mediscan.chat.service.ChatEntry;
import com.vaadin.flow.component.messages.MessageListItem;

/** How a stored message looks in a {@code MessageList}: plain text, sender's name, server time. */
final class ChatItems {

    private static final int DOCTOR_COLOR = 2;
    private static final int PATIENT_COLOR = 5;

    private ChatItems() {
    }

    /**
     * The time travels as an instant and the browser formats it in its own time zone, which is
     * the reader's. The list's markdown mode stays off, so the text is rendered as text.
     */
    static MessageListItem item(ChatEntry entry, long viewerAccountId) {
        MessageListItem item = new MessageListItem(entry.text(), entry.sentAt(), entry.senderName());
        item.setUserColorIndex(entry.sentByDoctor() ? DOCTOR_COLOR : PATIENT_COLOR);
        if (entry.senderAccountId() == viewerAccountId) {
            item.addClassNames("own-message");
        }
        return item;
    }
}
