package com.mediscan.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * How a call ends on this page: the confirmation before ending, and the cards that replace the
 * call when it ended ({@link CallPhase#ENDED}), moved to another window ({@link CallPhase#TAKEN_OVER})
 * or is not open at all.
 */
final class CallNotices {

    static final String TAKEN_OVER = "You joined from another window";
    static final String CALL_ENDED = "Call ended";

    private CallNotices() {
    }

    /** Asks before ending; the doctor learns that ending completes the consultation. */
    static ConfirmDialog endConfirmation(boolean forDoctor, Runnable end) {
        ConfirmDialog confirmation = new ConfirmDialog();
        confirmation.setHeader("End the call?");
        confirmation.setText(forDoctor
                ? "The call ends for both of you and the consultation is marked as completed."
                : "The call ends for both of you.");
        confirmation.setCancelable(true);
        confirmation.setCancelText("Keep talking");
        confirmation.setConfirmText("End");
        confirmation.setConfirmButtonTheme("error primary");
        confirmation.addConfirmListener(confirmed -> end.run());
        return confirmation;
    }

    /**
     * The call ended: who ended it, how long it lasted, and what is left to do. A call that is not
     * completed can be rejoined; the doctor can complete it from here ({@code complete} says if that worked).
     */
    static Div ended(String who, Instant startedAt, Instant endedAt, boolean completed, boolean forDoctor,
                     BooleanSupplier complete) {
        Paragraph duration = new Paragraph(startedAt == null ? "The call did not connect."
                : "Duration " + CallHeader.formatDuration(Duration.between(startedAt, endedAt)));
        duration.addClassName("call-duration");
        Div card = card(CALL_ENDED, who, duration);
        Div actions = actions(homeLink());
        if (!completed) {
            actions.add(reloadButton("Rejoin call"));
        }
        if (forDoctor && !completed && startedAt != null) {
            Button completeButton = new Button("Mark consultation completed");
            completeButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            completeButton.addClickListener(click -> {
                if (complete.getAsBoolean()) {
                    actions.removeAll();
                    actions.add(homeLink());
                    card.addComponentAtIndex(card.getComponentCount() - 1, new Paragraph("The consultation is completed."));
                }
            });
            actions.add(completeButton);
        }
        card.add(actions);
        return card;
    }

    static Div takenOver() {
        Div card = card(TAKEN_OVER, "The consultation continues in the other window.");
        card.add(actions(homeLink(), reloadButton("Use this window")));
        return card;
    }

    /** The consultation cannot be opened now (outside its join window, or over). */
    static Div notOpen(String title, String message) {
        Div card = card(title, message);
        card.add(actions(homeLink()));
        return card;
    }

    private static Div card(String title, String message, Component... more) {
        Div card = new Div(new H2(title), new Paragraph(message));
        card.add(more);
        card.addClassNames("call-notice", "glass-card");
        return card;
    }

    private static Div actions(Component... actions) {
        Div row = new Div(actions);
        row.addClassName("notice-actions");
        return row;
    }

    private static Anchor homeLink() {
        Anchor home = new Anchor("", "Back to my dashboard");
        home.addClassName("home-link");
        return home;
    }

    private static Button reloadButton(String label) {
        return new Button(label, click -> click.getSource().getUI().ifPresent(current -> current.getPage().reload()));
    }
}
