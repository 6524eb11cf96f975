package com.mediscan.appointment.ui;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.ui.Notices;
import com.mediscan.base.ui.ViewerTime;
import com.mediscan.security.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Booking: a specialty, then one of its doctors, then a free time from the doctor's working
 * hours, and the reason for the visit. The service has the last word on whether the time is
 * still free; if not, the form says so beside the time and keeps everything else.
 */
@Route("patient/book")
@PageTitle("Book an appointment · MediScan")
@RolesAllowed(Roles.PATIENT)
public class BookAppointmentView extends VerticalLayout {

    /** What the form collects; the binder checks every part before the service is asked. */
    static final class Booking {
        String specialty;
        DoctorProfile doctor;
        LocalDate date;
        Instant time;
        String reason;
    }

    final Select<String> specialty = new Select<>();
    final Select<DoctorProfile> doctor = new Select<>();
    final SlotPicker slot;
    final TextArea reason = new TextArea("Reason for the visit");
    final Button book = new Button("Book appointment");

    private final AppointmentService appointments;
    private final Binder<Booking> binder = new Binder<>();

    public BookAppointmentView(AppointmentService appointments, Clock clock) {
        this.appointments = appointments;
        addClassNames("book-appointment-view", "view-content");
        ZoneId zone = ViewerTime.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        slot = new SlotPicker(today, LocalDate.ofInstant(clock.instant().plus(AppointmentService.BOOKING_HORIZON), zone));

        specialty.setLabel("Specialty");
        specialty.setPlaceholder("Choose a specialty");
        specialty.setItems(appointments.bookableSpecialties());
        specialty.addValueChangeListener(change -> showDoctorsIn(change.getValue()));
        doctor.setLabel("Doctor");
        doctor.setPlaceholder("Choose a doctor");
        doctor.setItemLabelGenerator(profile -> profile == null ? "" : profile.getDisplayName());
        doctor.setEnabled(false);
        doctor.addValueChangeListener(change -> showFreeTimesWith(change.getValue(), zone));
        slot.date.setValue(today);
        reason.setMaxLength(Appointment.REASON_MAX);
        reason.setHelperText("What would you like to discuss? At most " + Appointment.REASON_MAX + " characters.");

        binder.forField(specialty).asRequired("Choose a specialty.").bind(b -> b.specialty, (b, v) -> b.specialty = v);
        binder.forField(doctor).asRequired("Choose a doctor.").bind(b -> b.doctor, (b, v) -> b.doctor = v);
        binder.forField(slot.date).asRequired("Choose a date.").bind(b -> b.date, (b, v) -> b.date = v);
        binder.forField(slot.time).asRequired("Choose a free time.").bind(b -> b.time, (b, v) -> b.time = v);
        binder.forField(reason).asRequired("Describe the reason for the visit.")
                .withValidator(new StringLengthValidator("Keep the reason to " + Appointment.REASON_MAX + " characters.", 0, Appointment.REASON_MAX))
                .bind(b -> b.reason, (b, v) -> b.reason = v);

        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.addClickListener(click -> submit());

        FormLayout form = new FormLayout(specialty, doctor, slot, reason);
        form.setColspan(slot, 2);
        form.setColspan(reason, 2);
        add(new H2("Book an appointment"),
                new Paragraph("Times are shown in your time zone (" + zone.getId() + ")."), form, book);
    }

    private void showDoctorsIn(String chosenSpecialty) {
        List<DoctorProfile> doctors = appointments.bookableDoctors(chosenSpecialty);
        doctor.setItems(doctors);
        doctor.setEnabled(!doctors.isEmpty());
        doctor.setValue(doctors.size() == 1 ? doctors.getFirst() : null);
    }

    private void showFreeTimesWith(DoctorProfile chosenDoctor, ZoneId zone) {
        slot.setFreeSlots(day -> chosenDoctor == null ? List.of() : appointments.freeSlots(chosenDoctor.getId(), day, zone));
    }

    private void submit() {
        Booking booking = new Booking();
        if (!binder.writeBeanIfValid(booking)) {
            return;
        }
        Appointment booked;
        try {
            booked = appointments.book(booking.doctor.getId(), booking.time, booking.reason);
        } catch (BusinessRuleException refused) {
            slot.reload();
            slot.time.setErrorMessage(refused.getMessage());
            slot.time.setInvalid(true);
            return;
        }
        Notices.success("Booked with " + booked.getDoctor().getDisplayName() + " on " + ViewerTime.dateTime(booked.getStartsAt()) + ".");
        UI.getCurrent().navigate(PatientDashboardView.class);
    }
}
