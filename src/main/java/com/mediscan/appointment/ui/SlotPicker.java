package com.mediscan.appointment.ui;

import com.mediscan.base.ui.ViewerTime;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A day, then one of the free times on it (in the viewer's time zone). Where the free times come
 * from is the caller's: a new booking, a reschedule, or an administrator's booking for a patient.
 */
class SlotPicker extends HorizontalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    static final String NO_FREE_TIMES = "No free times on this day. Try another date.";

    final DatePicker date = new DatePicker("Date");
    final Select<Instant> time = new Select<>();
    private Function<LocalDate, List<Instant>> freeSlots = day -> List.of();

    SlotPicker(LocalDate firstDay, LocalDate lastDay) {
        addClassName("slot-picker");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        date.setMin(firstDay);
        date.setMax(lastDay);
        date.setI18n(new DatePicker.DatePickerI18n()
                .setBadInputErrorMessage("Enter a date, for example " + DAY.format(firstDay) + ".")
                .setMinErrorMessage("Choose " + DAY.format(firstDay) + " or a later date.")
                .setMaxErrorMessage("Choose a date up to " + DAY.format(lastDay) + ".")
                .setRequiredErrorMessage("Choose a date."));
        time.setLabel("Time");
        time.setPlaceholder("Choose a time");
        time.setItemLabelGenerator(slot -> slot == null ? "" : ViewerTime.time(slot));
        time.setEnabled(false);
        date.addValueChangeListener(change -> reload());
        add(date, time);
    }

    /** Where free times come from; reloads them for the chosen day. */
    void setFreeSlots(Function<LocalDate, List<Instant>> freeSlots) {
        this.freeSlots = freeSlots;
        reload();
    }

    /** Fetches the chosen day's free times again, keeping the chosen time if it is still free. */
    void reload() {
        Instant chosen = time.getValue();
        List<Instant> slots = date.getValue() == null ? List.of() : freeSlots.apply(date.getValue());
        time.setItems(slots);
        time.setEnabled(!slots.isEmpty());
        time.setHelperText(date.getValue() != null && slots.isEmpty() ? NO_FREE_TIMES : null);
        time.setValue(chosen != null && slots.contains(chosen) ? chosen : null);
    }
}
