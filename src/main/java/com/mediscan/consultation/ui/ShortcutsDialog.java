package com.mediscan.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The overlay that `?` opens: the call's keyboard shortcuts (DESIGN.md "What a person sees"). */
class ShortcutsDialog extends Dialog {

    ShortcutsDialog() {
        setHeaderTitle("Keyboard shortcuts");
        Div list = new Div();
        list.addClassName("shortcut-list");
        row(list, "Space", "Mute or unmute the microphone");
        row(list, "V", "Turn the camera off or on");
        row(list, "C", "Open or close the chat");
        row(list, "Esc", "End the call (asks first)");
        row(list, "?", "Show this list");
        Paragraph note = new Paragraph("Shortcuts do nothing while you type in a field or a dialog is open.");
        note.addClassName("shortcut-note");
        add(list, note);
        Button close = new Button("Close", click -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
    }

    private static void row(Div list, String key, String action) {
        Span keyCap = new Span(key);
        keyCap.addClassName("key-cap");
        Div row = new Div(keyCap, new Span(action));
        row.addClassName("shortcut-row");
        list.add(row);
    }
}
