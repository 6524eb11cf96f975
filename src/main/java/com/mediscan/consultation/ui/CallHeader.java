package com.mediscan.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.SvgIcon;
import java.time.Duration;
import java.time.Instant;

/** The bar above the call: who the consultation is with, the connection status, the call's duration, shortcuts help. */
class CallHeader extends Header {

    final Span connectionStatus = new Span();
    final Span callTimer = new Span();
    final Button shortcuts;

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

    /** The time since the recorded start of the call; hidden until it started. */
    void tick(Instant callStartedAt, Instant now) {
        callTimer.setVisible(callStartedAt != null);
        if (callStartedAt != null) {
            callTimer.setText(formatDuration(Duration.between(callStartedAt, now)));
        }
    }

    static String formatDuration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        return hours > 0
                ? "%d:%02d:%02d".formatted(hours, seconds % 3600 / 60, seconds % 60)
                : "%02d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
