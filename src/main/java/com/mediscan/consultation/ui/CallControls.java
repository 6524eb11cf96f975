package com.mediscan.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.SvgIcon;

/**
 * The call's control bar: icon buttons whose tooltips and aria-labels are the names of
 * DESIGN.md ("What a person sees"). The view decides what a press does; this class only shows
 * state. Screen sharing is started by the call element itself on the click (browsers grant
 * {@code getDisplayMedia} only inside a user gesture), so that button has no server listener.
 */
public class CallControls extends Div {

    static final String MUTE = "Mute microphone";
    static final String UNMUTE = "Unmute microphone";
    static final String CAMERA_OFF = "Turn camera off";
    static final String CAMERA_ON = "Turn camera on";
    static final String SHARE = "Share screen";
    static final String STOP_SHARING = "Stop sharing screen";
    static final String END_CALL = "End call";
    static final String TOGGLE_CHAT = "Toggle chat";
    static final String PRESCRIPTION = "Prescription";
    static final String AUDIO_ONLY = "Audio only";
    static final String DEVICES = "Camera, microphone and speaker";
    /** Under /assets/, which Vaadin's security configuration serves to everyone; nothing in it is private. */
    static final String ICONS = "assets/consultation/call-icons.svg";

    final Button microphone = iconButton("mic", MUTE);
    final Button camera = iconButton("camera", CAMERA_OFF);
    final Button screenShare = iconButton("screen-share", SHARE);
    final Button audioOnly = iconButton("audio-only", AUDIO_ONLY);
    final Button devices = iconButton("devices", DEVICES);
    final Button chat = iconButton("chat", TOGGLE_CHAT);
    final Span unreadChatBadge = new Span();
    final Button prescription = iconButton("prescription", PRESCRIPTION);
    final Button endCall = iconButton("hang-up", END_CALL);
    private final Div media;

    public CallControls(boolean forDoctor) {
        addClassName("call-controls");
        getElement().setAttribute("role", "toolbar");
        getElement().setAttribute("aria-label", "Call controls");

        screenShare.getElement().setAttribute("data-call-action", "share-screen");
        unreadChatBadge.addClassName("unread-badge");
        unreadChatBadge.setVisible(false);
        chat.setSuffixComponent(unreadChatBadge);
        chat.getElement().setAttribute("aria-pressed", "false");
        prescription.getElement().setAttribute("aria-pressed", "false");
        audioOnly.getElement().setAttribute("aria-pressed", "false");
        audioOnly.setTooltipText("Audio only: no video either way, for a weak connection");
        prescription.setVisible(forDoctor);
        endCall.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        endCall.addClassName("end-call");

        media = new Div(microphone, camera, screenShare, audioOnly, devices);
        media.addClassName("control-group");
        Div panels = new Div(chat, prescription);
        panels.addClassName("control-group");
        add(media, panels, endCall);
    }

    /** Another feature's button among the media buttons, such as Take photo. */
    void addMediaButton(Component button) {
        media.add(button);
    }

    /** Shows the unread chat messages as a badge on the chat button (0 hides it). */
    public void setUnreadChatCount(int count) {
        unreadChatBadge.setText(count > 99 ? "99+" : Integer.toString(count));
        unreadChatBadge.setVisible(count > 0);
        chat.setTooltipText(count > 0 ? TOGGLE_CHAT + " (" + count + " unread)" : TOGGLE_CHAT);
    }

    void showMicrophone(boolean on) {
        show(microphone, on ? "mic" : "mic-off", on ? MUTE : UNMUTE, !on);
    }

    void showCamera(boolean on) {
        show(camera, on ? "camera" : "camera-off", on ? CAMERA_OFF : CAMERA_ON, !on);
    }

    void showScreenSharing(boolean sharing) {
        show(screenShare, sharing ? "screen-stop" : "screen-share", sharing ? STOP_SHARING : SHARE, sharing);
    }

    void showAudioOnly(boolean on) {
        audioOnly.getElement().setAttribute("aria-pressed", Boolean.toString(on));
        audioOnly.getElement().getClassList().set("active", on);
    }

    void showChatOpen(boolean open) {
        chat.getElement().setAttribute("aria-pressed", Boolean.toString(open));
        chat.getElement().getClassList().set("active", open);
    }

    void showPrescriptionOpen(boolean open) {
        prescription.getElement().setAttribute("aria-pressed", Boolean.toString(open));
        prescription.getElement().getClassList().set("active", open);
    }

    private static void show(Button button, String icon, String label, boolean highlighted) {
        ((SvgIcon) button.getIcon()).setSymbol(icon);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.getElement().getClassList().set("off", highlighted);
    }

    private static Button iconButton(String icon, String label) {
        Button button = new Button(new SvgIcon(ICONS, icon));
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_LARGE);
        button.addClassName("call-button");
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}
