package com.mediscan.appointment;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.service.AppointmentFilter;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.appointment.service.WorkingHoursService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.MediScanSpringTest;
import com.mediscan.support.MovableClock;
import com.mediscan.support.MovableClockConfig;
import com.mediscan.support.MovableClockTest;
import com.mediscan.support.SecurityTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A patient sees only their own appointments and a doctor only theirs, decided by the services
 * from who is asking: the other person's ids are refused (and the refusal audited) as if they
 * did not exist, and no filter widens a list.
 */
@MediScanSpringTest
@MovableClockTest
class AppointmentVisibilityTest {

    private static final Instant SLOT = MovableClockConfig.START.plus(Duration.ofDays(5)).plus(Duration.ofHours(3));

    @Autowired
    AppointmentService service;
    @Autowired
    WorkingHoursService workingHours;
    @Autowired
    AccountAdministration administration;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;
    @Autowired
    MovableClock clock;
    @Autowired
    ApplicationContext context;

    private ClinicFixtures fixtures;
    private DoctorProfile doctor;
    private DoctorProfile otherDoctor;
    private PatientProfile patient;
    private PatientProfile otherPatient;
    private Appointment mine;
    private Appointment theirs;

    @BeforeEach
    void twoDoctorsTwoPatients() {
        clock.set(MovableClockConfig.START);
        fixtures = new ClinicFixtures(context);
        doctor = fixtures.newDoctor("Visibility medicine");
        otherDoctor = fixtures.newDoctor("Visibility medicine");
        patient = fixtures.newPatient();
        otherPatient = fixtures.newPatient();
        mine = fixtures.appointment(doctor, patient, SLOT);
        theirs = fixtures.appointment(otherDoctor, otherPatient, SLOT);
    }

    @AfterEach
    void signOut() {
        SecurityTestSupport.signOut();
        clock.set(MovableClockConfig.START);
    }

    private void as(PatientProfile who) {
        actAs(users, who.getAccount().getEmail());
    }

    private void as(DoctorProfile who) {
        actAs(users, who.getAccount().getEmail());
    }

    @Test
    void anotherPatientsAppointmentIsRefusedByIdForEveryOperationAndAudited() {
        as(otherPatient);
        clock.set(SLOT.minus(Duration.ofMinutes(5)));
        Map<String, LongConsumer> attempts = Map.of(
                "open", service::open,
                "open consultation", service::openConsultation,
                "arrive", service::patientArrived,
                "connect", service::callConnected,
                "end", service::endCall,
                "cancel", service::cancel,
                "reschedule", id -> service.reschedule(id, SLOT.plus(Duration.ofHours(1))),
                "free slots to move to", id -> service.freeSlotsToReschedule(id, LocalDate.of(2030, 1, 14), ZoneOffset.UTC));
        attempts.forEach((what, attempt) -> assertThatThrownBy(() -> attempt.accept(mine.getId()))
                .as(what).isInstanceOf(NotFoundOrDeniedException.class));

        assertThat(auditEvents.findByActorEmailOrderByIdAsc(otherPatient.getAccount().getEmail()))
                .filteredOn(event -> mine.getId().equals(event.getRecordId()) && event.getOutcome() == AuditOutcome.DENIED)
                .hasSize(attempts.size())
                .allMatch(event -> patient.getAccount().getId().equals(event.getPatientAccountId()));
        Appointment unchanged = fixtures.reload(mine);
        assertThat(unchanged.getStatus()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(unchanged.getStartsAt()).isEqualTo(SLOT);
    }

    @Test
    void anotherDoctorsAppointmentIsRefusedByIdAndAudited() {
        as(otherDoctor);
        clock.set(SLOT.plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> service.open(mine.getId())).isInstanceOf(NotFoundOrDeniedException.class);
        assertThatThrownBy(() -> service.markNoShow(mine.getId())).isInstanceOf(NotFoundOrDeniedException.class);
        assertThatThrownBy(() -> service.cancel(mine.getId())).isInstanceOf(NotFoundOrDeniedException.class);
        assertThatThrownBy(() -> service.openConsultation(mine.getId())).isInstanceOf(NotFoundOrDeniedException.class);
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(otherDoctor.getAccount().getEmail()))
                .filteredOn(event -> mine.getId().equals(event.getRecordId()))
                .extracting(event -> event.getAction() + " " + event.getOutcome())
                .containsExactlyInAnyOrder("VIEW_OPENED DENIED", "APPOINTMENT_CHANGED DENIED", "APPOINTMENT_CHANGED DENIED",
                        "CONSULTATION_OPENED DENIED");
        assertThat(fixtures.reload(mine).getStatus()).isEqualTo(AppointmentStatus.SCHEDULED);
    }

    @Test
    void listsHoldOnlyTheAskersOwnAndNoFilterWidensThem() {
        AppointmentFilter anything = AppointmentFilter.any(ZoneOffset.UTC);
        AppointmentFilter theirName = anything.withName(otherPatient.getDisplayName());

        as(patient);
        assertThat(service.find(anything, Pageable.unpaged())).extracting(Appointment::getId).containsExactly(mine.getId());
        assertThat(service.count(anything)).isEqualTo(1);
        assertThat(service.find(anything.withName(otherDoctor.getDisplayName()), Pageable.unpaged())).isEmpty();
        assertThat(service.upcomingForPatient(10)).extracting(Appointment::getId).containsExactly(mine.getId());

        as(doctor);
        assertThat(service.find(anything, Pageable.unpaged())).extracting(Appointment::getId).containsExactly(mine.getId());
        assertThat(service.find(theirName, Pageable.unpaged())).isEmpty();
        assertThat(service.doctorsDay(LocalDate.ofInstant(SLOT, ZoneOffset.UTC), ZoneOffset.UTC))
                .extracting(Appointment::getId).containsExactly(mine.getId());

        actAs(users, DemoUsers.ADMIN);
        assertThat(service.find(anything.withName("Visibility"), Pageable.unpaged())).isEmpty();
        assertThat(service.find(theirName, Pageable.unpaged())).extracting(Appointment::getId).containsExactly(theirs.getId());
        assertThat(service.open(mine.getId()).getId()).isEqualTo(mine.getId());
    }

    @Test
    void eachRoleIsHeldToItsOwnOperations() {
        as(patient);
        assertThatThrownBy(() -> service.bookFor(otherPatient.getId(), doctor.getId(), SLOT.plus(Duration.ofHours(1)), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.doctorsDay(LocalDate.ofInstant(SLOT, ZoneOffset.UTC), ZoneOffset.UTC))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.findPatients("", Pageable.unpaged())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workingHours.hoursOf(doctor.getId())).isInstanceOf(NotFoundOrDeniedException.class);

        as(doctor);
        assertThatThrownBy(() -> service.book(otherDoctor.getId(), SLOT.plus(Duration.ofHours(1)), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.upcomingForPatient(5)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workingHours.setHours(doctor.getId(), List.of())).isInstanceOf(AccessDeniedException.class);
        assertThat(workingHours.hoursOf(doctor.getId())).hasSize(7);
        assertThatThrownBy(() -> workingHours.hoursOf(otherDoctor.getId())).isInstanceOf(NotFoundOrDeniedException.class);
        assertThatThrownBy(() -> administration.resetPassword(patient.getAccount().getId(), "a-long-password"))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(auditEvents.findByActorEmailOrderByIdAsc(patient.getAccount().getEmail()))
                .anyMatch(event -> event.getAction() == AuditAction.VIEW_OPENED && event.getOutcome() == AuditOutcome.DENIED)
                .anyMatch(event -> event.getAction() == AuditAction.APPOINTMENT_CHANGED && event.getOutcome() == AuditOutcome.DENIED);
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(doctor.getAccount().getEmail()))
                .filteredOn(event -> event.getAction() == AuditAction.ACCOUNT_CHANGED && event.getOutcome() == AuditOutcome.DENIED)
                .hasSize(2);
    }
}
