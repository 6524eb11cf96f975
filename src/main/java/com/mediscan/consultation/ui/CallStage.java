package com.mediscan.consultation.ui;

import com.mediscan.base.ui.Notices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * The call stage: the call element (remote video, own tile or full-size preview), with the check
 * before joining or the waiting room over it, and the control bar's media buttons (microphone,
 * camera, audio only, devices). What each phase shows is set by {@link #show}; the chat,
 * prescription and end buttons of the same bar belong to the view's side panels and end dialog.
 */
class CallStage extends Div {

    final MediaCall mediaCall;
    final CallControls controls;
    final DevicePickers devicePickers;
    final JoinCheck joinCheck;
    final WaitingRoom waitingRoom;
    /** Made when the control bar's devices button is first pressed. */
    Dialog deviceDialog;

    private boolean audioOnly;
    private CallPhase shownPhase;

    CallStage(MediaCall mediaCall, CallControls controls, WaitingRoom waitingRoom,
              SerializableConsumer<JoinCheck.Choice> join) {
        this.mediaCall = mediaCall;
        this.controls = controls;
        this.waitingRoom = waitingRoom;
        addClassName("call-stage");
        devicePickers = new DevicePickers(mediaCall::useDevice);
        joinCheck = new JoinCheck(devicePickers, mediaCall::retryMedia, join);
        joinCheck.setVisible(false);
        mediaCall.onMediaState(this::showMediaState);
        mediaCall.onDevices(devicePickers::show);
        mediaCall.onDeviceSwitched(Notices::info);

        controls.microphone.addClickListener(click -> toggleMicrophone());
        controls.camera.addClickListener(click -> toggleCamera());
        controls.audioOnly.addClickListener(click -> setAudioOnly(!audioOnly));
        controls.devices.addClickListener(click -> openDevices());

        add(mediaCall, waitingRoom, joinCheck);
    }

    /** Adds something over the call, such as the patient's notice of an issued prescription. */
    void addOverlay(Component overlay) {
        add(overlay);
    }

    /**
     * Before the room (check-in and the check) the own camera shows full size; the check's card shows
     * only in the check. The control bar is in the page from the start but hidden by the page's
     * {@code data-phase} before the room (consultation.css), so the switch to the call only changes an
     * attribute instead of rendering the bar then.
     */
    void show(CallPhase phase) {
        if (phase == shownPhase) {
            return;
        }
        boolean beforeRoom = phase.beforeRoom();
        boolean wasBeforeRoom = shownPhase != null && shownPhase.beforeRoom();
        shownPhase = phase;
        joinCheck.setVisible(phase == CallPhase.CHECKING);
        if (beforeRoom || wasBeforeRoom) {
            mediaCall.setPreview(beforeRoom);
        }
    }

    /** Opens camera and microphone, for the check or straight for the call. */
    void startMedia() {
        mediaCall.startMedia();
    }

    /** Applies the way the person chose to join. */
    void joinAs(JoinCheck.Choice choice) {
        if (choice.cameraOff && mediaCall.mediaState().cameraOn()) {
            toggleCamera();
        }
        if (choice.audioOnly) {
            setAudioOnly(true);
        }
    }

    /** Before joining (also while checking in) the check says what is wrong; in the room the waiting room card does. */
    void showMediaProblem(CallPhase phase, String message) {
        if (phase.beforeRoom()) {
            joinCheck.showProblem(message);
        } else {
            waitingRoom.showMediaProblem(message);
        }
    }

    void toggleMicrophone() {
        boolean on = !mediaCall.mediaState().microphoneOn();
        mediaCall.setMicrophoneOn(on);
        controls.showMicrophone(on);
    }

    void toggleCamera() {
        boolean on = !mediaCall.mediaState().cameraOn();
        mediaCall.setCameraOn(on);
        controls.showCamera(on);
    }

    void setAudioOnly(boolean on) {
        audioOnly = on;
        mediaCall.setAudioOnly(on);
        controls.showAudioOnly(on);
    }

    /** The pickers move from the check into the dialog when it first opens, not on the way into the call. */
    void openDevices() {
        if (deviceDialog == null) {
            deviceDialog = new Dialog();
            deviceDialog.setHeaderTitle("Camera, microphone and speaker");
            deviceDialog.getFooter().add(new Button("Done", click -> deviceDialog.close()));
        }
        if (devicePickers.getParent().filter(deviceDialog::equals).isEmpty()) {
            deviceDialog.add(devicePickers);
        }
        if (!deviceDialog.isOpened()) {
            deviceDialog.open();
        }
    }

    /** Stops camera, microphone and the peer connection in this window. */
    void hangUp() {
        if (deviceDialog != null) {
            deviceDialog.close();
        }
        mediaCall.hangUp();
    }

    private void showMediaState(MediaCall.MediaState state) {
        controls.showMicrophone(state.microphoneOn());
        controls.showCamera(state.cameraOn());
        controls.showScreenSharing(state.sharingScreen());
    }
}
