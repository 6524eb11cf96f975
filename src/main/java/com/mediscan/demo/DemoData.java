package com.mediscan.demo;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.account.service.AccountService;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.domain.ConsentVersion;
import com.mediscan.appointment.domain.ConsentVersionRepository;
import com.mediscan.appointment.domain.WorkingHours;
import com.mediscan.appointment.domain.WorkingHoursRepository;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo clinic for trying MediScan (never in the prod profile). Accounts and history are created
 * once; on every start each demo doctor also gets an appointment with Kriya a few minutes ahead,
 * so a newcomer can try a call at once even on an old database.
 */
@Component
@Profile("!prod")
class DemoData implements ApplicationRunner {

    static final String RAJESH = "rajesh.patel@mediscan.com";
    static final String SNEHA = "sneha.shah@mediscan.com";
    static final String KRIYA = "patient@mediscan.com";
    static final String ARJUN = "arjun.nair@mediscan.com";
    static final String ADMIN = "admin@mediscan.com";
    private static final Duration CONSULTATION = Duration.ofMinutes(30);
    /** Held while seeding, so nodes starting together on one PostgreSQL seed the clinic once. */
    private static final long SEEDING_LOCK = 0x6d656469L;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String CONSENT_TEXT = """
            Telehealth consent of the MediScan demo clinic

            A video consultation is a visit with your doctor over the internet. Your doctor sees and hears you \
            through your camera and microphone, and you see and hear your doctor. The call goes directly between \
            your browser and your doctor's; MediScan does not record it.

            A video visit has limits: your doctor cannot examine you physically and may ask you to come to the \
            clinic, or go to an emergency service, if that is safer. The connection can fail; your doctor will then \
            call you on the phone number you give at check-in.

            Before each visit you confirm who you are with your date of birth and say where you are, because your \
            doctor may treat you only where they are allowed to practise.

            You may refuse or withdraw this consent at any time and ask for an in-person visit instead. Your \
            information is protected as in any visit to the clinic.""";

    private final AccountService accountService;
    private final UserAccountRepository accounts;
    private final DoctorProfileRepository doctors;
    private final PatientProfileRepository patients;
    private final AppointmentRepository appointments;
    private final PasswordEncoder passwordEncoder;
    private final WorkingHoursRepository workingHours;
    private final ConsentVersionRepository consentVersions;
    private final Clock clock;
    private final String port;
    private final JdbcTemplate jdbc;

    DemoData(AccountService accountService, UserAccountRepository accounts, DoctorProfileRepository doctors,
             PatientProfileRepository patients, AppointmentRepository appointments, WorkingHoursRepository workingHours,
             ConsentVersionRepository consentVersions, PasswordEncoder passwordEncoder, Clock clock,
             @Value("${server.port:8080}") String port, JdbcTemplate jdbc) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.doctors = doctors;
        this.patients = patients;
        this.appointments = appointments;
        this.passwordEncoder = passwordEncoder;
        this.workingHours = workingHours;
        this.consentVersions = consentVersions;
        this.clock = clock;
        this.port = port;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        waitForOtherNodesSeeding();
        if (!accountService.hasAnyAccount()) {
            seedClinic();
        }
        // Also on databases seeded before working hours existed.
        ensureWorkingHours(doctor(RAJESH), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));
        ensureWorkingHours(doctor(SNEHA), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(10, 0), LocalTime.of(18, 0));
        // Also on databases seeded before check-in existed: patients agree to it before their first call.
        ensureConsentText();
        PatientProfile kriya = patient(KRIYA);
        Instant soon = clock.instant().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        ensureUpcoming(doctor(RAJESH), kriya, soon, "Follow-up on blood pressure and palpitations");
        ensureUpcoming(doctor(SNEHA), kriya, soon.plus(CONSULTATION), "Itchy rash on forearm for two weeks");
        log.info("MediScan demo: sign in at http://localhost:{}/login as {} or {} (doctor123), {} (patient123) or {} (admin123)",
                port, RAJESH, SNEHA, KRIYA, ADMIN);
    }

    /** A transaction-scoped advisory lock on PostgreSQL (H2 has one node only). */
    private void waitForOtherNodesSeeding() {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
        if (postgres) {
            jdbc.query("select pg_advisory_xact_lock(?)", row -> null, SEEDING_LOCK);
        }
    }

    private void seedClinic() {
        accountService.createAdmin(ADMIN, "Clinic Administrator", seedPassword());
        DoctorProfile rajesh = accountService.createDoctor(RAJESH, "Rajesh Patel", seedPassword(), "Cardiology", "MMC-2009-41872");
        DoctorProfile sneha = accountService.createDoctor(SNEHA, "Sneha Shah", seedPassword(), "Dermatology", "GMC-2014-77310");
        PatientProfile kriya = accountService.createPatient(KRIYA, "Kriya Mehta", seedPassword(), LocalDate.of(1991, 4, 12), "+91 98200 11223");
        PatientProfile arjun = accountService.createPatient(ARJUN, "Arjun Nair", seedPassword(), LocalDate.of(1985, 9, 3), "+91 98450 44556");
        usePublishedDemoPasswords(Map.of(ADMIN, "admin123", RAJESH, "doctor123", SNEHA, "doctor123",
                KRIYA, "patient123", ARJUN, "patient123"));

        Instant today = clock.instant().truncatedTo(ChronoUnit.HOURS);
        completed(rajesh, kriya, today.minus(Duration.ofDays(30)), "Chest discomfort on exertion", "Stable angina, suspected");
        completed(sneha, kriya, today.minus(Duration.ofDays(60)), "Dry, flaky skin on hands", "Contact dermatitis");
        completed(rajesh, arjun, today.minus(Duration.ofDays(14)), "Routine hypertension review", "Essential hypertension, controlled");
        appointments.save(new Appointment(rajesh, arjun, today.plus(Duration.ofHours(3)), CONSULTATION, "Medication review"));
        appointments.save(new Appointment(sneha, arjun, today.plus(Duration.ofDays(2)), CONSULTATION, "Mole check"));
    }

    /** Accounts are created through the service (and its password policy) with a throw-away password. */
    private static String seedPassword() {
        return UUID.randomUUID().toString();
    }

    /**
     * The demo passwords are published in the README and deliberately short, so they are set here,
     * around the password policy that every real password passes.
     */
    private void usePublishedDemoPasswords(Map<String, String> passwordsByEmail) {
        passwordsByEmail.forEach((email, password) ->
                accounts.findByEmail(email).orElseThrow().setPasswordHash(passwordEncoder.encode(password), false));
    }

    private void completed(DoctorProfile doctor, PatientProfile patient, Instant startsAt, String reason, String diagnosis) {
        Appointment appointment = new Appointment(doctor, patient, startsAt, CONSULTATION, reason);
        appointment.moveTo(AppointmentStatus.IN_PROGRESS, startsAt.plus(Duration.ofMinutes(2)));
        appointment.moveTo(AppointmentStatus.COMPLETED, startsAt.plus(Duration.ofMinutes(19)));
        appointment.recordDiagnosis(diagnosis);
        appointments.save(appointment);
    }

    private void ensureUpcoming(DoctorProfile doctor, PatientProfile patient, Instant startsAt, String reason) {
        Instant now = clock.instant();
        boolean hasOpen = appointments.findByPatientAccountIdOrderByStartsAtDesc(patient.getAccount().getId()).stream()
                .anyMatch(a -> a.getDoctor().equals(doctor) && !a.getStatus().isFinal() && a.getEndsAt().isAfter(now));
        if (!hasOpen) {
            appointments.save(new Appointment(doctor, patient, startsAt, CONSULTATION, reason));
        }
    }

    private void ensureConsentText() {
        if (consentVersions.findFirstByOrderByVersionNumberDesc().isEmpty()) {
            consentVersions.saveAndFlush(new ConsentVersion(1, CONSENT_TEXT, clock.instant().truncatedTo(ChronoUnit.MICROS),
                    accounts.findByEmail(ADMIN).orElseThrow().getId()));
        }
    }

    private void ensureWorkingHours(DoctorProfile doctor, Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        if (!workingHours.existsByDoctorId(doctor.getId())) {
            days.forEach(day -> workingHours.save(new WorkingHours(doctor, day, start, end)));
        }
    }

    private DoctorProfile doctor(String email) {
        return doctors.findByAccountId(accounts.findByEmail(email).orElseThrow().getId()).orElseThrow();
    }

    private PatientProfile patient(String email) {
        return patients.findByAccountId(accounts.findByEmail(email).orElseThrow().getId()).orElseThrow();
    }
}
