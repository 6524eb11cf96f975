package com.mediscan.consultation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The waiting room: the card over the call while the other participant is not (or no longer)
 * connected, saying who is awaited, since when, and any problem with the own camera or microphone.
 */
class WaitingRoom extends Div {

    final H2 title = new H2();
    final Paragraph detail = new Paragraph();
    final Paragraph mediaProblem = new Paragraph();

    private final boolean forDoctor;
    private final String peerName;

    WaitingRoom(boolean forDoctor, String peerName) {
        this.forDoctor = forDoctor;
        this.peerName = peerName;
        addClassName("waiting-panel");
        title.addClassName("waiting-title");
        title.getElement().setAttribute("aria-live", "polite");
        detail.addClassName("waiting-detail");
        mediaProblem.addClassName("media-problem");
        mediaProblem.setVisible(false);
        Span presenceDot = new Span();
        presenceDot.addClassName("presence-dot");
        add(presenceDot, title, detail, mediaProblem);
        setVisible(false);
    }

    /** Shown in the room until connected, and while there is a media problem to read. */
    void show(CallPhase phase, CallState state, Instant now) {
        setVisible(phase.inRoom() && (phase != CallPhase.CONNECTED || mediaProblem.isVisible()));
        getElement().getClassList().set("peer-present", state.peerPresentSince() != null);
        title.setText(titleText(state));
        tick(phase, state, now);
    }

    /** Updates the time waited, at the moment {@link #nextChange} said. */
    void tick(CallPhase phase, CallState state, Instant now) {
        String text = detailText(state, now);
        if (phase != CallPhase.CONNECTED && !text.equals(detail.getText())) {
            detail.setText(text);
        }
    }

    /**
     * When the detail will read differently without anything happening: the doctor's count of the
     * minutes the patient has waited goes up once a minute; every other text changes only with an event.
     */
    Optional<Instant> nextChange(CallPhase phase, CallState state, Instant now) {
        // Connecting is the phase in which the patient is there and the call has not started yet.
        if (!forDoctor || phase != CallPhase.CONNECTING) {
            return Optional.empty();
        }
        long minutesWaited = Math.max(0, Duration.between(state.peerPresentSince(), now).toMinutes());
        return Optional.of(state.peerPresentSince().plus(Duration.ofMinutes(minutesWaited + 1)));
    }

    void showMediaProblem(String message) {
        mediaProblem.setText(message);
        mediaProblem.setVisible(true);
        setVisible(true);
    }

    private String titleText(CallState state) {
        if (state.isPeerConnectionLost()) {
            return (forDoctor ? "The patient's" : "The doctor's") + " connection was lost";
        }
        if (state.peerPresentSince() == null) {
            return state.callStartedAt() != null ? peerName + " left the call" : "Waiting for " + peerName;
        }
        if (state.callStartedAt() != null) {
            return "Reconnecting to " + peerName;
        }
        return forDoctor ? peerName + " is waiting" : peerName + " is here";
    }

    private String detailText(CallState state, Instant now) {
        if (state.isPeerConnectionLost()) {
            return "Waiting for " + peerName + " to come back…";
        }
        if (state.peerPresentSince() == null) {
            return state.callStartedAt() != null ? "Waiting for them to rejoin…" : peerName + " has not joined yet.";
        }
        if (forDoctor && state.callStartedAt() == null) {
            return "Waiting for " + formatWaited(Duration.between(state.peerPresentSince(), now)) + " · "
                    + CallPhase.CONNECTING.status();
        }
        return CallPhase.CONNECTING.status();
    }

    static String formatWaited(Duration waited) {
        long minutes = waited.toMinutes();
        return minutes < 1 ? "less than a minute" : minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
