package com.mediscan.chat.ui;

import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentLinks;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * Opens one photo or file of the consultation. A photo is shown at full resolution and can be
 * zoomed (the frame scrolls); a PDF opens in the browser's own viewer in a new tab, or downloads.
 * The doctor also gets {@code Add to record}.
 */
class AttachmentViewer extends Dialog {

    static final int[] ZOOM_STEPS = {25, 50, 75, 100, 150, 200, 300, 400};
    private static final int FIT = 3;

    final Image image;
    final Button zoomIn = new Button(VaadinIcon.PLUS.create());
    final Button zoomOut = new Button(VaadinIcon.MINUS.create());
    final Anchor open;
    final Anchor download;
    final Button addToRecord = new Button("Add to record", VaadinIcon.FILE_ADD.create());
    final Paragraph inRecordNote = new Paragraph("In the consultation record.");
    private final Div frame = new Div();
    private final long attachmentId;
    private int zoomStep = FIT;

    AttachmentViewer(AttachmentEntry attachment, boolean viewerIsDoctor, Runnable onAddToRecord) {
        this.attachmentId = attachment.id();
        setHeaderTitle(attachment.fileName());
        addClassName("attachment-viewer");
        setWidth("min(90vw, 960px)");
        Button close = new Button(VaadinIcon.CLOSE.create(), click -> close());
        label(close, "Close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getHeader().add(close);

        Paragraph details = new Paragraph(attachment.senderName() + " · " + attachment.readableSize()
                + (attachment.width() == null ? "" : " · " + attachment.width() + " × " + attachment.height() + " pixels"));
        details.addClassName("attachment-details");
        download = new Anchor(AttachmentLinks.download(attachment.id()), "Download");
        download.getElement().setAttribute("download", attachment.fileName());
        download.getElement().setAttribute("router-ignore", true);
        open = new Anchor(AttachmentLinks.view(attachment.id()), attachment.isImage() ? "Open in a new tab" : "Open PDF");
        open.setTarget(AnchorTarget.BLANK);
        open.getElement().setAttribute("rel", "noopener");
        open.getElement().setAttribute("router-ignore", true);

        if (attachment.isImage()) {
            image = new Image(AttachmentLinks.view(attachment.id()), "Photo " + attachment.fileName() + " from " + attachment.senderName());
            image.addClassName("attachment-full");
            frame.addClassName("attachment-frame");
            frame.add(image);
            label(zoomIn, "Zoom in");
            label(zoomOut, "Zoom out");
            zoomIn.addClickListener(click -> zoom(1));
            zoomOut.addClickListener(click -> zoom(-1));
            applyZoom();
            add(frame, new HorizontalLayout(zoomOut, zoomIn, open, download));
        } else {
            image = null;
            add(new Paragraph("PDF document. It opens in your browser's PDF viewer."), new HorizontalLayout(open, download));
        }
        add(details);

        addToRecord.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addToRecord.addClickListener(click -> onAddToRecord.run());
        addToRecord.setVisible(viewerIsDoctor && !attachment.inRecord());
        inRecordNote.setVisible(attachment.inRecord());
        getFooter().add(inRecordNote, addToRecord);
    }

    /** The attachment is in the record now: the button goes, the note stays. */
    void markInRecord() {
        addToRecord.setVisible(false);
        inRecordNote.setVisible(true);
    }

    boolean shows(long id) {
        return attachmentId == id;
    }

    int zoomPercent() {
        return ZOOM_STEPS[zoomStep];
    }

    private void zoom(int direction) {
        zoomStep = Math.clamp(zoomStep + direction, 0, ZOOM_STEPS.length - 1);
        applyZoom();
    }

    private void applyZoom() {
        // Width relative to the frame; the frame scrolls when the photo is larger than it.
        image.getStyle().set("width", ZOOM_STEPS[zoomStep] + "%").set("max-width", "none");
        zoomOut.setEnabled(zoomStep > 0);
        zoomIn.setEnabled(zoomStep < ZOOM_STEPS.length - 1);
    }

    private static void label(Button button, String name) {
        button.setTooltipText(name);
        button.setAriaLabel(name);
    }
}
