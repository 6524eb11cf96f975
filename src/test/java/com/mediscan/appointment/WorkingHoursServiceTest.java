package com.mediscan.appointment;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.appointment.service.WorkingHoursService;
import com.mediscan.appointment.service.WorkingHoursService.DayHours;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.MediScanSpringTest;
import com.mediscan.support.MovableClock;
import com.mediscan.support.MovableClockConfig;
import com.mediscan.support.MovableClockTest;
import com.mediscan.support.SecurityTestSupport;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Working hours: how they are set, and how they become the only times a patient can book. */
@MediScanSpringTest
@MovableClockTest
class WorkingHoursServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2030, 1, 14);

    @Autowired
    WorkingHoursService workingHours;
    @Autowired
    AppointmentService appointments;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;
    @Autowired
    MovableClock clock;
    @Autowired
    ApplicationContext context;

    private DoctorProfile doctor;
    private PatientProfile patient;

    @BeforeEach
    void aDoctorWithoutHours() {
        clock.set(MovableClockConfig.START);
        ClinicFixtures fixtures = new ClinicFixtures(context);
        doctor = fixtures.newDoctor("Hours medicine", EnumSet.noneOf(DayOfWeek.class));
        patient = fixtures.newPatient();
        actAs(users, DemoUsers.ADMIN);
        workingHours.setHours(doctor.getId(), List.of(
                new DayHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(11, 0)),
                new DayHours(DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.of(15, 15))));
    }

    @AfterEach
    void signOut() {
        SecurityTestSupport.signOut();
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    @Test
    void slotsAreCutFromTheHoursOneConsultationLong() {
        assertThat(workingHours.slotStarts(doctor, at(MONDAY, 0, 0), at(MONDAY.plusDays(2), 0, 0))).containsExactly(
                at(MONDAY, 9, 0), at(MONDAY, 9, 30), at(MONDAY, 10, 0), at(MONDAY, 10, 30),
                at(MONDAY.plusDays(1), 14, 0), at(MONDAY.plusDays(1), 14, 30));
        assertThat(workingHours.isSlotStart(doctor, at(MONDAY, 9, 30))).isTrue();
        assertThat(workingHours.isSlotStart(doctor, at(MONDAY, 9, 15))).as("off the grid").isFalse();
        assertThat(workingHours.isSlotStart(doctor, at(MONDAY, 11, 0))).as("would end after closing").isFalse();
    }

    @Test
    void aPatientSeesFreeTimesOfTheirOwnDayInTheirOwnZone() {
        actAs(users, patient.getAccount().getEmail());
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        assertThat(appointments.freeSlots(doctor.getId(), MONDAY, kolkata)).as("09:00 UTC is 14:30 in Kolkata, same day")
                .first().isEqualTo(at(MONDAY, 9, 0));
        assertThat(appointments.freeSlots(doctor.getId(), MONDAY.plusDays(1), ZoneId.of("Pacific/Kiritimati")))
                .as("at UTC+14 Tuesday holds Monday's last hour in UTC; Tuesday 14:00 UTC is already Wednesday there")
                .containsExactly(at(MONDAY, 10, 0), at(MONDAY, 10, 30));
    }

    @Test
    void bookingOutsideTheHoursOrTheHorizonOrInThePastIsRefused() {
        actAs(users, patient.getAccount().getEmail());
        assertThatThrownBy(() -> appointments.book(doctor.getId(), at(MONDAY, 12, 0), "Check-up"))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage(doctor.getDisplayName() + " does not see patients at that time. Choose one of the free times.");
        assertThatThrownBy(() -> appointments.book(doctor.getId(), at(MONDAY, 9, 0).plus(Duration.ofDays(63)), "Check-up"))
                .hasMessage("Appointments can be booked up to 60 days ahead.");
        clock.set(at(MONDAY, 9, 1));
        assertThatThrownBy(() -> appointments.book(doctor.getId(), at(MONDAY, 9, 0), "Check-up"))
                .hasMessage("That time has passed. Choose a time in the future.");
        assertThatThrownBy(() -> appointments.book(doctor.getId(), at(MONDAY, 9, 30), "  "))
                .hasMessage("Describe the reason for the visit.");
        assertThat(appointments.book(doctor.getId(), at(MONDAY, 9, 30), "Check-up").getStartsAt()).isEqualTo(at(MONDAY, 9, 30));
    }

    @Test
    void settingHoursReplacesTheWeekAndIsAudited() {
        workingHours.setHours(doctor.getId(), List.of(new DayHours(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(9, 0))));
        assertThat(workingHours.hoursOf(doctor.getId()))
                .containsExactly(new DayHours(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(9, 0)));
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("doctor_profile", doctor.getId()))
                .extracting(event -> event.getDetail()).last().isEqualTo("working hours: Tue 08:00-09:00");
    }

    @Test
    void unusableHoursAreRefusedWithTheDayNamed() {
        assertThat(workingHours.problemWith(new DayHours(DayOfWeek.FRIDAY, LocalTime.of(10, 0), LocalTime.of(10, 0))))
                .contains("On Friday the end time must be after the start time.");
        assertThat(workingHours.problemWith(new DayHours(DayOfWeek.FRIDAY, LocalTime.of(10, 0), LocalTime.of(10, 20))))
                .contains("On Friday the hours must fit at least one 30-minute consultation.");
        assertThat(workingHours.problemWith(new DayHours(DayOfWeek.FRIDAY, null, LocalTime.of(10, 20))))
                .contains("Enter both a start and an end time for Friday.");
        assertThatThrownBy(() -> workingHours.setHours(doctor.getId(), List.of(
                new DayHours(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new DayHours(DayOfWeek.FRIDAY, LocalTime.of(13, 0), LocalTime.of(17, 0)))))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("Friday is listed twice; give each day one span.");
        assertThat(workingHours.hoursOf(doctor.getId())).hasSize(2);
    }
}
