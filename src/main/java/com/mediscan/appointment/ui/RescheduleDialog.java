package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.base.ui.Notices;
import com.mediscan.base.ui.ViewerTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Moves a scheduled appointment to another free time of the same doctor. */
class RescheduleDialog extends Dialog {

    final SlotPicker slot;
    final Button move = new Button("Move appointment");
    final Button back = new Button("Keep current time");

    RescheduleDialog(Appointment appointment, String withWhom, AppointmentService appointments, Clock clock, Runnable afterMove) {
        setHeaderTitle("Reschedule appointment");
        ZoneId zone = ViewerTime.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        slot = new SlotPicker(today, LocalDate.ofInstant(clock.instant().plus(AppointmentService.BOOKING_HORIZON), zone));
        long appointmentId = appointment.getId();
        slot.setFreeSlots(day -> appointments.freeSlotsToReschedule(appointmentId, day, zone));
        LocalDate current = LocalDate.ofInstant(appointment.getStartsAt(), zone);
        slot.date.setValue(current.isBefore(today) ? today : current);
        add(new Paragraph(withWhom + ", now on " + ViewerTime.dateTime(appointment.getStartsAt()) + "."), slot);

        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        move.addClickListener(click -> {
            Instant chosen = slot.time.getValue();
            if (chosen == null) {
                slot.time.setErrorMessage("Choose a free time.");
                slot.time.setInvalid(true);
                return;
            }
            try {
                appointments.reschedule(appointmentId, chosen);
            } catch (BusinessRuleException refused) {
                slot.reload();
                slot.time.setErrorMessage(refused.getMessage());
                slot.time.setInvalid(true);
                return;
            } catch (NotFoundOrDeniedException gone) {
                Notices.problem(gone.getMessage());
                close();
                return;
            }
            Notices.success("Moved to " + ViewerTime.dateTime(chosen) + ".");
            close();
            afterMove.run();
        });
        back.addClickListener(click -> close());
        getFooter().add(back, move);
    }
}
