package com.mediscan.security;

import com.mediscan.base.ui.ViewerTime;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** "Still there?": shown a minute before an idle session is signed out. */
class IdleWarningDialog extends Dialog {

    static final String TITLE = "Still there?";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    final Paragraph message = new Paragraph();
    final Button stay = new Button("Stay signed in");
    final Button signOut = new Button("Sign out");

    private IdleWarningDialog(Runnable onStay, Runnable onSignOut) {
        setHeaderTitle(TITLE);
        setModal(true);
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        addClassName("idle-warning");
        stay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stay.addClickListener(click -> {
            onStay.run();
            close();
        });
        signOut.addClickListener(click -> onSignOut.run());
        add(message);
        getFooter().add(signOut, stay);
    }

    static void showIn(UI ui, Instant signOutAt, Runnable onStay, Runnable onSignOut) {
        IdleWarningDialog dialog = ComponentUtil.getData(ui, IdleWarningDialog.class);
        if (dialog == null) {
            dialog = new IdleWarningDialog(onStay, onSignOut);
            ComponentUtil.setData(ui, IdleWarningDialog.class, dialog);
        }
        dialog.message.setText("For your privacy MediScan signs you out when you have not used it for a while. "
                + "You will be signed out at " + TIME.format(signOutAt.atZone(ViewerTime.zone())) + " unless you stay signed in.");
        if (!dialog.isOpened()) {
            dialog.open();
        }
    }

    static void closeIn(UI ui) {
        IdleWarningDialog dialog = ComponentUtil.getData(ui, IdleWarningDialog.class);
        if (dialog != null && dialog.isOpened()) {
            dialog.close();
        }
    }
}
