package com.mediscan.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants as the person looking at them reads them: in their browser's time zone (stored
 * instants are UTC). Falls back to the server's zone until the browser has reported its own.
 */
public final class ViewerTime {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private ViewerTime() {
    }

    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        if (details != null && details.getTimeZoneId() != null && !details.getTimeZoneId().isBlank()) {
            try {
                return ZoneId.of(details.getTimeZoneId());
            } catch (RuntimeException unknownZone) {
                return ZoneId.systemDefault();
            }
        }
        return ZoneId.systemDefault();
    }

    public static String date(Instant instant) {
        return DATE.format(instant.atZone(zone()));
    }

    public static String time(Instant instant) {
        return TIME.format(instant.atZone(zone()));
    }

    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone()));
    }
}
