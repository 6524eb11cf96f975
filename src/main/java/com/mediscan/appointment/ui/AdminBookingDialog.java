package com.mediscan.appointment.ui;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.ui.Notices;
import com.mediscan.base.ui.ViewerTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** An administrator books a free time for a patient with a doctor. */
class AdminBookingDialog extends Dialog {

    /** What the dialog collects before the service is asked. */
    static final class Booking {
        PatientProfile patient;
        DoctorProfile doctor;
        LocalDate date;
        Instant time;
        String reason;
    }

    final ComboBox<PatientProfile> patient = new ComboBox<>("Patient");
    final ComboBox<DoctorProfile> doctor = new ComboBox<>("Doctor");
    final SlotPicker slot;
    final TextArea reason = new TextArea("Reason for the visit");
    final Button save = new Button("Book appointment");
    final Button back = new Button("Close");

    private final Binder<Booking> binder = new Binder<>();

    AdminBookingDialog(AppointmentService appointments, AccountAdministration administration, Clock clock, Runnable afterBooking) {
        setHeaderTitle("New appointment");
        ZoneId zone = ViewerTime.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        slot = new SlotPicker(today, LocalDate.ofInstant(clock.instant().plus(AppointmentService.BOOKING_HORIZON), zone));

        patient.setItems(administration.activePatients());
        patient.setItemLabelGenerator(profile -> profile.getDisplayName() + " · " + profile.getAccount().getEmail());
        doctor.setItems(administration.activeDoctors());
        doctor.setItemLabelGenerator(profile -> profile.getDisplayName() + " · " + profile.getSpecialty());
        patient.addValueChangeListener(change -> showFreeTimes(appointments, zone));
        doctor.addValueChangeListener(change -> showFreeTimes(appointments, zone));
        slot.date.setValue(today);
        reason.setMaxLength(Appointment.REASON_MAX);

        binder.forField(patient).asRequired("Choose the patient.").bind(b -> b.patient, (b, v) -> b.patient = v);
        binder.forField(doctor).asRequired("Choose the doctor.").bind(b -> b.doctor, (b, v) -> b.doctor = v);
        binder.forField(slot.date).asRequired("Choose a date.").bind(b -> b.date, (b, v) -> b.date = v);
        binder.forField(slot.time).asRequired("Choose a free time.").bind(b -> b.time, (b, v) -> b.time = v);
        binder.forField(reason).asRequired("Describe the reason for the visit.")
                .withValidator(new StringLengthValidator("Keep the reason to " + Appointment.REASON_MAX + " characters.", 0, Appointment.REASON_MAX))
                .bind(b -> b.reason, (b, v) -> b.reason = v);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            Booking booking = new Booking();
            if (!binder.writeBeanIfValid(booking)) {
                return;
            }
            Appointment booked;
            try {
                booked = appointments.bookFor(booking.patient.getId(), booking.doctor.getId(), booking.time, booking.reason);
            } catch (BusinessRuleException refused) {
                slot.reload();
                slot.time.setErrorMessage(refused.getMessage());
                slot.time.setInvalid(true);
                return;
            }
            Notices.success("Booked " + booked.getPatient().getDisplayName() + " with " + booked.getDoctor().getDisplayName()
                    + " on " + ViewerTime.dateTime(booked.getStartsAt()) + ".");
            close();
            afterBooking.run();
        });
        back.addClickListener(click -> close());
        FormLayout form = new FormLayout(patient, doctor, slot, reason);
        form.setColspan(slot, 2);
        form.setColspan(reason, 2);
        add(form);
        getFooter().add(back, save);
    }

    private void showFreeTimes(AppointmentService appointments, ZoneId zone) {
        PatientProfile chosenPatient = patient.getValue();
        DoctorProfile chosenDoctor = doctor.getValue();
        slot.setFreeSlots(day -> chosenPatient == null || chosenDoctor == null ? List.of()
                : appointments.freeSlotsFor(chosenPatient.getId(), chosenDoctor.getId(), day, zone));
    }
}
