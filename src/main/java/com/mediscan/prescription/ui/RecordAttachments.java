package com.mediscan.prescription.ui;

import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentLinks;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.base.ui.ViewerTime;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * The photos and files the doctor added to a consultation's record: photos as previews that open
 * full size, PDFs as file chips; each can be downloaded. The service checks access and audits the read.
 */
class RecordAttachments extends Div {

    final List<AttachmentEntry> shown;

    RecordAttachments(AttachmentService attachments, long appointmentId) {
        addClassName("record-attachments");
        shown = attachments.inRecord(appointmentId);
        if (shown.isEmpty()) {
            add(new Paragraph("No photos or files were added to this record."));
        }
        shown.forEach(entry -> add(card(entry)));
    }

    private static Div card(AttachmentEntry entry) {
        Div card = new Div();
        card.addClassNames("glass-card", "record-attachment");
        Anchor open = new Anchor(AttachmentLinks.view(entry.id()));
        open.setTarget(AnchorTarget.BLANK);
        open.getElement().setAttribute("rel", "noopener");
        open.getElement().setAttribute("router-ignore", true);
        if (entry.isImage()) {
            Image preview = new Image(AttachmentLinks.thumbnail(entry.id()), "Photo " + entry.fileName());
            preview.addClassName("record-attachment-preview");
            open.add(preview);
        } else {
            open.setText("Open " + entry.fileName());
        }
        Span name = new Span(entry.fileName() + " · " + entry.readableSize());
        name.addClassName("record-attachment-name");
        Span origin = new Span("Sent by " + entry.senderName() + " on " + ViewerTime.dateTime(entry.sentAt()));
        origin.addClassName("record-attachment-origin");
        Anchor download = new Anchor(AttachmentLinks.download(entry.id()), "Download");
        download.getElement().setAttribute("download", entry.fileName());
        download.getElement().setAttribute("router-ignore", true);
        card.add(open, name, origin, download);
        return card;
    }
}
