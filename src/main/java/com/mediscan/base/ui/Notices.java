package com.mediscan.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages after an action: what happened, or why it did not. Text only, never HTML. */
public final class Notices {

    private static final int SHOWN_MILLIS = 5000;

    private Notices() {
    }

    public static void success(String message) {
        Notification notification = Notification.show(message, SHOWN_MILLIS, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Something changed by itself that the person should know about. */
    public static void info(String message) {
        Notification notification = Notification.show(message, SHOWN_MILLIS, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
    }

    public static void problem(String message) {
        Notification notification = Notification.show(message, SHOWN_MILLIS, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
