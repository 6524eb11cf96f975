package com.mediscan.chat.ui;

import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentLinks;
import com.mediscan.chat.service.ChatEntry;
import com.vaadin.flow.component.messages.MessageListItem;

/** How a stored message or attachment looks in a {@code MessageList}: plain text, sender's name, server time. */
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

    /**
     * A photo shows as a thumbnail, a PDF as a file chip with its name; the text gives the size and
     * whether the doctor added it to the record. Clicking it opens the viewer.
     */
    static MessageListItem item(AttachmentEntry entry, long viewerAccountId) {
        String text = (entry.isImage() ? "Photo" : "PDF") + " · " + entry.fileName() + " · " + entry.readableSize()
                + (entry.inRecord() ? " · In the record" : "");
        MessageListItem item = new MessageListItem(text, entry.sentAt(), entry.senderName());
        item.setUserColorIndex(entry.sentByDoctor() ? DOCTOR_COLOR : PATIENT_COLOR);
        item.addClassNames("attachment-message");
        if (entry.senderAccountId() == viewerAccountId) {
            item.addClassNames("own-message");
        }
        String url = entry.isImage() ? AttachmentLinks.thumbnail(entry.id()) : AttachmentLinks.view(entry.id());
        item.addAttachment(new MessageListItem.Attachment(entry.fileName(), url, entry.isImage() ? "image/jpeg" : entry.type().mediaType()));
        return item;
    }
}
