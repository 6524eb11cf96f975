package com.mediscan.attachment.ui;

import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.attachment.service.PhotoRequested;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.base.ui.Notices;
import com.mediscan.consultation.service.RoomBus;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Photos in the call. The patient has {@code Take photo}, which opens the camera in a dialog over
 * the running call (its own capture of the camera, at full resolution); the doctor has {@code
 * Request a photo}, which the patient sees as a prompt. The dialog being a Vaadin dialog also
 * keeps the call's keyboard shortcuts quiet while it is open.
 * <p>
 * {@link #button()} goes into the call's control bar, the component itself over the call stage.
 */
public class PhotoTaking extends Div {

    static final String TAKE_PHOTO = "Take photo";
    static final String REQUEST_PHOTO = "Request a photo";

    final Button takePhoto = iconButton(VaadinIcon.CAMERA, TAKE_PHOTO);
    final Button requestPhoto = iconButton(VaadinIcon.PICTURE, REQUEST_PHOTO);
    final Dialog dialog = new Dialog();
    final Span promptText = new Span();
    final Button openCamera = new Button("Open camera", VaadinIcon.CAMERA.create());
    final Button notNow = new Button("Not now");
    PhotoCapture capture;

    private final long appointmentId;
    private final boolean forDoctor;
    private final AttachmentService attachments;
    private final RoomBus roomBus;
    private final long maxFileSize;
    private AutoCloseable subscription;

    PhotoTaking(long appointmentId, boolean forDoctor, AttachmentService attachments, RoomBus roomBus, long maxFileSize) {
        this.appointmentId = appointmentId;
        this.forDoctor = forDoctor;
        this.attachments = attachments;
        this.roomBus = roomBus;
        this.maxFileSize = maxFileSize;
        addClassName("photo-request-prompt");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Photo request");
        setVisible(false);

        takePhoto.addClickListener(click -> openCamera());
        requestPhoto.addClickListener(click -> requestPhoto());
        openCamera.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        openCamera.addClickListener(click -> openCamera());
        notNow.addClickListener(click -> setVisible(false));
        add(promptText, openCamera, notNow);

        dialog.setHeaderTitle("Take a photo");
        dialog.addClassName("photo-dialog");
        Button cancel = new Button("Cancel", click -> dialog.close());
        dialog.getFooter().add(cancel);
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                dialog.removeAll();
                capture = null;
            }
        });
    }

    /** The control-bar button for this side: Take photo for the patient, Request a photo for the doctor. */
    public Button button() {
        return forDoctor ? requestPhoto : takePhoto;
    }

    void openCamera() {
        setVisible(false);
        capture = new PhotoCapture(appointmentId, attachments, maxFileSize, this::photoSent, Notices::problem);
        dialog.removeAll();
        dialog.add(capture);
        dialog.open();
    }

    void requestPhoto() {
        try {
            attachments.requestPhoto(appointmentId);
            Notices.info("The patient has been asked for a photo.");
        } catch (BusinessRuleException | NotFoundOrDeniedException refused) {
            Notices.problem(refused.getMessage());
        }
    }

    void showRequest(PhotoRequested request) {
        if (dialog.isOpened()) {
            return;
        }
        promptText.setText(request.doctorName() + " asks you for a photo. ");
        setVisible(true);
    }

    private void photoSent() {
        dialog.close();
        Notices.success("Photo sent. It is in the chat.");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (forDoctor) {
            return;
        }
        UI ui = attachEvent.getUI();
        subscription = roomBus.subscribe(appointmentId, event -> {
            if (event instanceof PhotoRequested request) {
                try {
                    ui.access(() -> showRequest(request));
                } catch (UIDetachedException closed) {
                    // The page is gone; its detach closes the subscription.
                }
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // Nothing left to clean up.
            }
            subscription = null;
        }
    }

    private static Button iconButton(VaadinIcon icon, String label) {
        Button button = new Button(icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_LARGE);
        button.addClassName("call-button");
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}
