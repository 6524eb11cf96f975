package com.mediscan.load;

import com.mediscan.Application;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.account.service.DoctorDetails;
import com.mediscan.account.service.PatientDetails;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.appointment.service.TelehealthConsentService;
import com.mediscan.appointment.service.WorkingHoursService;
import com.mediscan.appointment.service.WorkingHoursService.DayHours;
import com.mediscan.support.SecurityTestSupport;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The run's own doctors, patients and appointments, created the way a clinic administrator
 * creates them: signed in as the administrator, through {@link AccountAdministration},
 * {@link WorkingHoursService} and {@link AppointmentService}, in a separate MediScan context on
 * the node's database (never SQL, and nothing of the clinic's is changed or removed, except that a
 * node without a telehealth consent gets one published, as patients cannot check in without it). Accounts
 * get a temporary password, so each participant's first sign-in goes through the real password change.
 */
final class LoadClinic {

    /** One consultation of the run and the two people in it. */
    record Room(long appointmentId, Person doctor, Person patient) {
    }

    /** A doctor has no date of birth here; a patient's is the one the check-in asks for. */
    record Person(String name, String email, String temporaryPassword, String newPassword, LocalDate dateOfBirth) {
    }

    /** The clinic's telehealth consent, published as the administrator when the node has none, so patients can check in. */
    static final String CONSENT_TEXT = """
            Telehealth consent of the MediScan load-test clinic

            Your consultation takes place by video. You may ask for an in-person visit instead at any time.""";

    private LoadClinic() {
    }

    static List<Room> create(String jdbcUrl, String dbUser, String dbPassword, String adminEmail, String adminPassword, int rooms)
            throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).profiles("prod").run(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + dbUser,
                "--spring.datasource.password=" + dbPassword,
                "--mediscan.admin.email=" + adminEmail,
                "--mediscan.admin.password=" + adminPassword,
                "--server.servlet.session.persistent=false",
                "--logging.level.root=WARN")) {
            AccountAdministration accounts = context.getBean(AccountAdministration.class);
            WorkingHoursService hours = context.getBean(WorkingHoursService.class);
            AppointmentService appointments = context.getBean(AppointmentService.class);
            UserDetailsService users = context.getBean(UserDetailsService.class);
            publishConsentIfNone(context.getBean(TelehealthConsentService.class), users, adminEmail);
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<DayHours> everyDay = Arrays.stream(DayOfWeek.values())
                    .map(day -> new DayHours(day, LocalTime.MIDNIGHT, LocalTime.of(23, 30))).toList();
            ExecutorService workers = Executors.newFixedThreadPool(4);
            try {
                List<Future<Room>> created = new ArrayList<>();
                for (int i = 1; i <= rooms; i++) {
                    int number = i;
                    created.add(workers.submit(() -> {
                        SecurityTestSupport.actAs(users, adminEmail);
                        try {
                            return room(accounts, hours, appointments, run, number, everyDay);
                        } finally {
                            SecurityTestSupport.signOut();
                        }
                    }));
                }
                List<Room> result = new ArrayList<>();
                for (Future<Room> room : created) {
                    result.add(room.get());
                }
                return result;
            } finally {
                workers.shutdownNow();
            }
        }
    }

    private static Room room(AccountAdministration accounts, WorkingHoursService hours, AppointmentService appointments,
                             String run, int number, List<DayHours> everyDay) {
        Person doctor = person("Load Doctor " + run + " " + number, "load-doctor-" + run + "-" + number + "@load.test", null);
        Person patient = person("Load Patient " + run + " " + number, "load-patient-" + run + "-" + number + "@load.test",
                LocalDate.of(1950, 1, 1).plusDays(number * 37L % 20_000));
        DoctorProfile doctorProfile = accounts.createDoctor(new DoctorDetails(doctor.name(), doctor.email(), "General practice",
                "LOAD-" + run + "-" + number), doctor.temporaryPassword());
        hours.setHours(doctorProfile.getId(), everyDay);
        PatientProfile patientProfile = accounts.createPatient(new PatientDetails(patient.name(), patient.email(),
                patient.dateOfBirth(), null), patient.temporaryPassword());
        Instant now = Instant.now();
        Instant nextSlot = hours.slotStarts(doctorProfile, now.plusSeconds(1), now.plus(Duration.ofHours(2))).getFirst();
        Appointment appointment = appointments.bookFor(patientProfile.getId(), doctorProfile.getId(), nextSlot,
                "Load test consultation");
        return new Room(appointment.getId(), doctor, patient);
    }

    private static Person person(String name, String email, LocalDate dateOfBirth) {
        return new Person(name, email, "Temporary " + UUID.randomUUID(), "Chosen " + UUID.randomUUID(), dateOfBirth);
    }

    private static void publishConsentIfNone(TelehealthConsentService consent, UserDetailsService users, String adminEmail) {
        SecurityTestSupport.actAs(users, adminEmail);
        try {
            if (consent.current().isEmpty()) {
                consent.publish(CONSENT_TEXT);
            }
        } finally {
            SecurityTestSupport.signOut();
        }
    }
}
