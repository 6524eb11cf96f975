package com.mediscan.appointment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before something that cannot be undone, such as cancelling an appointment. */
class Confirmation extends Dialog {

    final Button confirm;
    final Button back = new Button("Go back");

    Confirmation(String title, String question, String confirmLabel, Runnable onConfirm) {
        setHeaderTitle(title);
        add(new Paragraph(question));
        confirm = new Button(confirmLabel, click -> {
            close();
            onConfirm.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        back.addClickListener(click -> close());
        getFooter().add(back, confirm);
    }
}
