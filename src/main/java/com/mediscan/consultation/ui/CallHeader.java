package com.mediscan.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.SvgIcon;
import java.time.Duration;
import java.time.Instant;

/**
 * The bar above the call: who the consultation is with, the connection status, the call's duration, shortcuts help.
 * The duration counts in the browser (frontend/call/call-timer.ts) from the start this sets once: a
 * server push per second for every open consultation would cost more than the rest of the call.
 */
@JsModule("./call/call-timer.ts")
class CallHeader extends Header {

    static final String COUNTS_FROM = "data-counts-from";
    static final String SERVER_NOW = "data-server-now";

    final Span connectionStatus = new Span();
    final Span callTimer = new Span();
    final Button shortcuts;
    private Instant countingFrom;

    CallHeader(String title, String subtitle, Runnable openShortcuts) {
        addClassName("call-header");
        Anchor home = new Anchor("", "MediScan");
        home.addClassName("call-brand");
        Span titleText = new Span(title);
        titleText.addClassName("call-title");
        Span subtitleText = new Span(subtitle);
        subtitleText.addClassName("call-subtitle");
        Div titles = new Div(titleText, subtitleText);
        titles.addClassName("call-titles");

        connectionStatus.addClassName("connection-status");
        connectionStatus.getElement().setAttribute("role", "status");
        callTimer.addClassName("call-timer");
        callTimer.getElement().setAttribute("aria-label", "Call duration");
        callTimer.getElement().setAttribute("role", "timer");
        callTimer.setVisible(false);

        shortcuts = new Button(new SvgIcon(CallControls.ICONS, "keyboard"), click -> openShortcuts.run());
        shortcuts.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        shortcuts.setAriaLabel("Keyboard shortcuts");
        shortcuts.setTooltipText("Keyboard shortcuts (?)");
        shortcuts.addClassName("shortcuts-button");
        add(home, titles, connectionStatus, callTimer, shortcuts);
    }

    void show(CallPhase phase) {
        connectionStatus.setText(phase.status());
        connectionStatus.getElement().setAttribute("data-state", phase.status().replace("…", "").toLowerCase());
    }

    /**
     * The timer counts from the recorded start of the call, with the server's clock now (the browser
     * corrects its own by it); hidden until the call started. Sends nothing while the start stays the same.
     */
    void countFrom(Instant callStartedAt, Instant now) {
        callTimer.setVisible(callStartedAt != null);
        if (callStartedAt == null || callStartedAt.equals(countingFrom)) {
            return;
        }
        countingFrom = callStartedAt;
        callTimer.getElement().setAttribute(COUNTS_FROM, String.valueOf(callStartedAt.toEpochMilli()));
        callTimer.getElement().setAttribute(SERVER_NOW, String.valueOf(now.toEpochMilli()));
    }

    static String formatDuration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        return hours > 0
                ? "%d:%02d:%02d".formatted(hours, seconds % 3600 / 60, seconds % 60)
                : "%02d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
