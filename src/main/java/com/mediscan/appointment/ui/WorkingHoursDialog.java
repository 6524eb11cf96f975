package com.mediscan.appointment.ui;

import com.mediscan.appointment.service.WorkingHoursService;
import com.mediscan.appointment.service.WorkingHoursService.DayHours;
import com.mediscan.base.ui.FormDialog;
import com.mediscan.base.ui.Notices;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Sets the weekdays and hours in which a doctor takes appointments. */
class WorkingHoursDialog extends FormDialog {

    /** One weekday's row: whether the doctor works, and from when to when. */
    static final class DayRow extends HorizontalLayout {
        final DayOfWeek day;
        final Checkbox works;
        final TimePicker start = new TimePicker("From");
        final TimePicker end = new TimePicker("To");

        DayRow(DayOfWeek day) {
            this.day = day;
            works = new Checkbox(WorkingHoursService.dayName(day));
            works.setWidth("9em");
            for (TimePicker picker : List.of(start, end)) {
                picker.setStep(Duration.ofMinutes(15));
                picker.setI18n(new TimePicker.TimePickerI18n().setBadInputErrorMessage("Enter a time such as 09:00."));
                picker.setEnabled(false);
            }
            works.addValueChangeListener(change -> {
                start.setEnabled(change.getValue());
                end.setEnabled(change.getValue());
                if (!change.getValue()) {
                    start.setInvalid(false);
                    end.setInvalid(false);
                }
            });
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            add(works, start, end);
        }
    }

    final Map<DayOfWeek, DayRow> rows = new EnumMap<>(DayOfWeek.class);
    private final WorkingHoursService workingHours;
    private final long doctorProfileId;
    private final String doctorName;

    WorkingHoursDialog(WorkingHoursService workingHours, long doctorProfileId, String doctorName) {
        super("Working hours of " + doctorName, "Save working hours");
        this.workingHours = workingHours;
        this.doctorProfileId = doctorProfileId;
        this.doctorName = doctorName;
        add(new Paragraph("Times are in the clinic's time zone (" + workingHours.clinicZone().getId() + "). Patients can book "
                + workingHours.slotLength().toMinutes() + "-minute slots inside these hours."));
        for (DayOfWeek day : DayOfWeek.values()) {
            DayRow row = new DayRow(day);
            rows.put(day, row);
            add(row);
        }
        for (DayHours hours : workingHours.hoursOf(doctorProfileId)) {
            DayRow row = rows.get(hours.day());
            row.works.setValue(true);
            row.start.setValue(hours.start());
            row.end.setValue(hours.end());
        }
        add(formError);
    }

    @Override
    protected boolean submit() {
        List<DayHours> week = new ArrayList<>();
        boolean valid = true;
        for (DayRow row : rows.values()) {
            row.start.setInvalid(false);
            row.end.setInvalid(false);
            if (!row.works.getValue()) {
                continue;
            }
            DayHours hours = new DayHours(row.day, row.start.getValue(), row.end.getValue());
            var problem = workingHours.problemWith(hours);
            if (problem.isPresent()) {
                TimePicker culprit = hours.start() == null ? row.start : row.end;
                culprit.setErrorMessage(problem.get());
                culprit.setInvalid(true);
                valid = false;
            } else {
                week.add(hours);
            }
        }
        if (!valid) {
            return false;
        }
        workingHours.setHours(doctorProfileId, week);
        Notices.success("Working hours of " + doctorName + " saved.");
        return true;
    }
}
