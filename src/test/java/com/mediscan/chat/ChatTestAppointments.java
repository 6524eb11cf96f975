package com.mediscan.chat;

import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.attachment.domain.AttachmentContentRepository;
import com.mediscan.attachment.domain.AttachmentRepository;
import com.mediscan.chat.domain.ChatMessageRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;

/**
 * A fresh appointment for each chat test, so every test starts with an empty chat and its own
 * rate-limit and typing budget. Slots lie far ahead and never repeat within a test run. The
 * demo clinic's database is shared by the tests of one Spring context, so {@link #removeCreated}
 * takes these appointments (and their chat, photos and files) away again: other tests look for the demo
 * appointments by their order.
 */
public final class ChatTestAppointments {

    private static final Instant FIRST_SLOT = Instant.now().truncatedTo(ChronoUnit.DAYS)
            .plus(Duration.ofDays(3_000 + ThreadLocalRandom.current().nextInt(3_000)));
    private static final AtomicInteger SLOTS_TAKEN = new AtomicInteger();

    private final ApplicationContext context;
    private final List<Long> created = new ArrayList<>();

    public ChatTestAppointments(ApplicationContext context) {
        this.context = context;
    }

    public Appointment scheduled(String doctorEmail, String patientEmail) {
        var accounts = context.getBean(UserAccountRepository.class);
        var doctor = context.getBean(DoctorProfileRepository.class)
                .findByAccountId(accounts.findByEmail(doctorEmail).orElseThrow().getId()).orElseThrow();
        var patient = context.getBean(PatientProfileRepository.class)
                .findByAccountId(accounts.findByEmail(patientEmail).orElseThrow().getId()).orElseThrow();
        Instant slot = FIRST_SLOT.plus(Duration.ofMinutes(30L * SLOTS_TAKEN.getAndIncrement()));
        Appointment appointment = context.getBean(AppointmentRepository.class)
                .saveAndFlush(new Appointment(doctor, patient, slot, Duration.ofMinutes(30), "Chat test"));
        created.add(appointment.getId());
        return appointment;
    }

    /** Ends the consultation as the doctor's End call would. */
    public Appointment complete(Appointment appointment) {
        var appointments = context.getBean(AppointmentRepository.class);
        Appointment current = appointments.findById(appointment.getId()).orElseThrow();
        current.moveTo(AppointmentStatus.IN_PROGRESS, current.getStartsAt());
        current.moveTo(AppointmentStatus.COMPLETED, current.getStartsAt().plus(Duration.ofMinutes(20)));
        return appointments.saveAndFlush(current);
    }

    public void removeCreated() {
        var messages = context.getBean(ChatMessageRepository.class);
        var attachments = context.getBean(AttachmentRepository.class);
        var contents = context.getBean(AttachmentContentRepository.class);
        var appointments = context.getBean(AppointmentRepository.class);
        for (Long appointmentId : created) {
            var sent = attachments.findConversation(appointmentId);
            sent.forEach(attachment -> contents.findByAttachmentId(attachment.getId()).ifPresent(contents::delete));
            attachments.deleteAllInBatch(sent);
            messages.deleteAllInBatch(messages.findConversation(appointmentId));
            appointments.deleteById(appointmentId);
        }
        created.clear();
    }
}
