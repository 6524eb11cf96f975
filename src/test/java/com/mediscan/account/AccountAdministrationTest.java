package com.mediscan.account;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.account.service.DoctorDetails;
import com.mediscan.base.InvalidFieldException;
import com.mediscan.account.service.PatientDetails;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.MediScanSpringTest;
import com.mediscan.support.MovableClockConfig;
import com.mediscan.support.MovableClockTest;
import com.mediscan.support.SecurityTestSupport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The service behind the admin views: every rule with its field, every change audited. */
@MediScanSpringTest
@MovableClockTest
class AccountAdministrationTest {

    @Autowired
    AccountAdministration administration;
    @Autowired
    AppointmentService appointments;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationContext context;

    private ClinicFixtures fixtures;

    @BeforeEach
    void asAdmin() {
        fixtures = new ClinicFixtures(context);
        actAs(users, DemoUsers.ADMIN);
    }

    @AfterEach
    void signOut() {
        SecurityTestSupport.signOut();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void refusedOn(Runnable attempt, String field, String message) {
        assertThatThrownBy(attempt::run).isInstanceOf(InvalidFieldException.class).hasMessage(message)
                .satisfies(refusal -> assertThat(((InvalidFieldException) refusal).field()).isEqualTo(field));
    }

    @Test
    void eachInvalidDoctorFieldIsNamedWithItsReason() {
        String reg = unique("REG");
        refusedOn(() -> administration.createDoctor(new DoctorDetails(" ", "a@b.co", "Skin", reg), "long-enough-1"),
                DoctorDetails.FULL_NAME, "Enter the doctor's full name.");
        refusedOn(() -> administration.createDoctor(new DoctorDetails("A B", "a@b", "Skin", reg), "long-enough-1"),
                DoctorDetails.EMAIL, AccountAdministration.INVALID_EMAIL);
        refusedOn(() -> administration.createDoctor(new DoctorDetails("A B", DemoUsers.RAJESH, "Skin", reg), "long-enough-1"),
                DoctorDetails.EMAIL, "An account with this email address already exists.");
        refusedOn(() -> administration.createDoctor(new DoctorDetails("A B", unique("a") + "@b.co", "x".repeat(81), reg), "long-enough-1"),
                DoctorDetails.SPECIALTY, "Use at most 80 characters.");
        refusedOn(() -> administration.createDoctor(new DoctorDetails("A B", unique("a") + "@b.co", "Skin", "MMC-2009-41872"), "long-enough-1"),
                DoctorDetails.REGISTRATION_NUMBER, "Another doctor already has this registration number.");
        refusedOn(() -> administration.createDoctor(new DoctorDetails("A B", unique("a") + "@b.co", "Skin", reg), "short"),
                AccountAdministration.TEMPORARY_PASSWORD, "A password needs at least 12 characters.");
    }

    @Test
    void eachInvalidPatientFieldIsNamedWithItsReason() {
        refusedOn(() -> administration.createPatient(new PatientDetails("P Q", unique("p") + "@b.co", null, null), "long-enough-1"),
                PatientDetails.DATE_OF_BIRTH, "Enter the patient's date of birth.");
        refusedOn(() -> administration.createPatient(
                        new PatientDetails("P Q", unique("p") + "@b.co", LocalDate.ofInstant(MovableClockConfig.START, ZoneOffset.UTC).plusDays(1), null),
                        "long-enough-1"),
                PatientDetails.DATE_OF_BIRTH, "A date of birth cannot be in the future.");
        refusedOn(() -> administration.createPatient(new PatientDetails("P Q", unique("p") + "@b.co", LocalDate.of(1899, 12, 31), null), "long-enough-1"),
                PatientDetails.DATE_OF_BIRTH, "Enter a date of birth after 1900.");
        refusedOn(() -> administration.createPatient(new PatientDetails("P Q", unique("p") + "@b.co", LocalDate.of(1990, 1, 1), "12ab"), "long-enough-1"),
                PatientDetails.PHONE, AccountAdministration.phoneRule());
    }

    @Test
    void editingKeepsTheEmailItAlreadyHasAndRefusesAnotherAccountsEmail() {
        DoctorProfile doctor = fixtures.newDoctor("Edited medicine");
        DoctorDetails same = new DoctorDetails("Renamed Doctor", doctor.getAccount().getEmail(), "Edited medicine", doctor.getRegistrationNumber());
        assertThat(administration.updateDoctor(doctor.getId(), same).getDisplayName()).isEqualTo("Dr. Renamed Doctor");
        refusedOn(() -> administration.updateDoctor(doctor.getId(),
                        new DoctorDetails("Renamed Doctor", DemoUsers.SNEHA, "Edited medicine", doctor.getRegistrationNumber())),
                DoctorDetails.EMAIL, "An account with this email address already exists.");
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("user_account", doctor.getAccount().getId()))
                .extracting(event -> event.getDetail()).containsExactly("doctor details changed");
    }

    @Test
    void aDeactivatedDoctorTakesNoNewAppointmentsAndAnAdminCannotDeactivateThemself() {
        DoctorProfile doctor = fixtures.newDoctor(unique("Retiring medicine"));
        administration.deactivate(doctor.getAccount().getId());
        var patient = fixtures.newPatient();
        actAs(users, patient.getAccount().getEmail());
        assertThat(appointments.bookableDoctors(doctor.getSpecialty())).isEmpty();
        assertThat(appointments.bookableSpecialties()).doesNotContain(doctor.getSpecialty());
        assertThatThrownBy(() -> appointments.book(doctor.getId(), MovableClockConfig.START.plus(Duration.ofDays(1)), "x"))
                .isInstanceOf(BusinessRuleException.class).hasMessage(doctor.getDisplayName() + " is not taking appointments.");

        var admin = actAs(users, DemoUsers.ADMIN);
        assertThatThrownBy(() -> administration.deactivate(admin.accountId()))
                .isInstanceOf(BusinessRuleException.class).hasMessage("You cannot deactivate your own account.");
    }

    @Test
    void readingThePatientListIsAuditedOncePerSearchNotPerPage() {
        long before = patientListReads();
        administration.findPatients("kriya", PageRequest.of(0, 50));
        administration.findPatients("kriya", PageRequest.of(1, 50));
        assertThat(patientListReads() - before).isEqualTo(1);
    }

    private long patientListReads() {
        return auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.ADMIN).stream()
                .filter(event -> event.getAction() == AuditAction.VIEW_OPENED && event.getOutcome() == AuditOutcome.ALLOWED
                        && "patient_list".equals(event.getRecordType()))
                .count();
    }
}
