package com.mediscan.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * The check before joining ({@link CallPhase#CHECKING}): the own preview is the call element
 * behind this card; the card holds the device pickers, help when the browser gives no camera or
 * microphone, and the three ways to join. It only reports the choice; the view joins.
 */
class JoinCheck extends Div {

    /** How the person chose to join. */
    enum Choice {
        AS_CHECKED(false, false), CAMERA_OFF(true, false), AUDIO_ONLY(true, true);

        final boolean cameraOff;
        final boolean audioOnly;

        Choice(boolean cameraOff, boolean audioOnly) {
            this.cameraOff = cameraOff;
            this.audioOnly = audioOnly;
        }
    }

    final Paragraph problem = new Paragraph();
    final Button retryMedia = new Button("Try again");
    final Button joinNow = new Button("Join now");
    final Button joinCameraOff = new Button("Join with camera off");
    final Button joinAudioOnly = new Button("Join with audio only");

    JoinCheck(DevicePickers devicePickers, Runnable retry, SerializableConsumer<Choice> join) {
        addClassName("prejoin-panel");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Check before joining");
        problem.addClassName("media-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        retryMedia.setVisible(false);
        retryMedia.addClickListener(click -> {
            problem.setVisible(false);
            retryMedia.setVisible(false);
            retry.run();
        });
        joinNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        joinNow.addClickListener(click -> join.accept(Choice.AS_CHECKED));
        joinCameraOff.addClickListener(click -> join.accept(Choice.CAMERA_OFF));
        joinAudioOnly.addClickListener(click -> join.accept(Choice.AUDIO_ONLY));
        Div joinButtons = new Div(joinNow, joinCameraOff, joinAudioOnly);
        joinButtons.addClassName("prejoin-actions");
        add(new H2("Ready to join?"),
                new Paragraph("Check your camera and microphone. Only you see this preview."),
                problem, retryMedia, devicePickers, joinButtons);
    }

    /** The browser gave no camera or microphone: says why and offers to try again. */
    void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
        retryMedia.setVisible(true);
    }
}
