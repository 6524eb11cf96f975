package com.mediscan.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.support.DemoUsers;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What every supported database must do: take the migrations, pass Hibernate's validation (the
 * context would not start otherwise), store and find records, and refuse a double booking on
 * its own. Subclasses pick the database; each prints which one it ran on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PersistenceContract {

    @Autowired
    Flyway flyway;
    @Autowired
    DataSource dataSource;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    DoctorProfileRepository doctors;
    @Autowired
    PatientProfileRepository patients;
    @Autowired
    AppointmentRepository appointments;

    private String databaseName;

    @BeforeAll
    void identifyDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            databaseName = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }

    @AfterAll
    void reportDatabase() {
        System.out.println("[database tests] " + getClass().getSimpleName() + " ran on " + databaseName);
    }

    @Test
    void everyMigrationIsApplied() {
        var migrations = flyway.info().all();
        assertThat(migrations).isNotEmpty();
        assertThat(migrations).allMatch(m -> m.getState() == MigrationState.SUCCESS, "all migrations succeeded");
    }

    @Test
    void demoClinicIsStoredAndFound() {
        var rajesh = accounts.findByEmail(DemoUsers.RAJESH).orElseThrow();
        var profile = doctors.findByAccountId(rajesh.getId()).orElseThrow();
        assertThat(profile.getSpecialty()).isEqualTo("Cardiology");
        assertThat(rajesh.getPasswordHash()).startsWith("{bcrypt}");
        var kriya = accounts.findByEmail(DemoUsers.KRIYA).orElseThrow();
        assertThat(appointments.findByPatientAccountIdOrderByStartsAtDesc(kriya.getId()))
                .extracting(Appointment::getStatus)
                .contains(AppointmentStatus.SCHEDULED, AppointmentStatus.COMPLETED);
    }

    @Test
    void databaseRefusesDoubleBookingOfADoctorSlot() {
        var doctor = doctors.findByAccountId(accounts.findByEmail(DemoUsers.SNEHA).orElseThrow().getId()).orElseThrow();
        var kriya = patients.findByAccountId(accounts.findByEmail(DemoUsers.KRIYA).orElseThrow().getId()).orElseThrow();
        var arjun = patients.findByAccountId(accounts.findByEmail(DemoUsers.ARJUN).orElseThrow().getId()).orElseThrow();
        Instant slot = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
        appointments.saveAndFlush(new Appointment(doctor, kriya, slot, Duration.ofMinutes(30), "first"));

        assertThatThrownBy(() -> appointments.saveAndFlush(new Appointment(doctor, arjun, slot, Duration.ofMinutes(30), "second")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void cancelledAppointmentFreesItsSlot() {
        var doctor = doctors.findByAccountId(accounts.findByEmail(DemoUsers.RAJESH).orElseThrow().getId()).orElseThrow();
        var arjun = patients.findByAccountId(accounts.findByEmail(DemoUsers.ARJUN).orElseThrow().getId()).orElseThrow();
        Instant slot = Instant.now().plus(Duration.ofDays(41)).truncatedTo(ChronoUnit.HOURS);
        Appointment first = new Appointment(doctor, arjun, slot, Duration.ofMinutes(30), "first");
        first.moveTo(AppointmentStatus.CANCELLED, Instant.now());
        appointments.saveAndFlush(first);

        Appointment again = appointments.saveAndFlush(new Appointment(doctor, arjun, slot, Duration.ofMinutes(30), "again"));
        assertThat(again.getId()).isNotNull();
    }
}
