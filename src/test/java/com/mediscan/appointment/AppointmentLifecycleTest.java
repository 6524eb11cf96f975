package com.mediscan.appointment;

import static com.mediscan.appointment.domain.AppointmentStatus.CANCELLED;
import static com.mediscan.appointment.domain.AppointmentStatus.COMPLETED;
import static com.mediscan.appointment.domain.AppointmentStatus.IN_PROGRESS;
import static com.mediscan.appointment.domain.AppointmentStatus.NO_SHOW;
import static com.mediscan.appointment.domain.AppointmentStatus.SCHEDULED;
import static com.mediscan.appointment.domain.AppointmentStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.Role;
import com.mediscan.account.domain.UserAccount;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.base.BusinessRuleException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The appointment's status machine on its own: every pair of statuses, legal or refused with a clear message. */
class AppointmentLifecycleTest {

    private static final Instant START = Instant.parse("2030-01-09T10:00:00Z");

    /** The lifecycle, written out by hand rather than read back from the code under test. */
    private static final Map<AppointmentStatus, Set<AppointmentStatus>> LEGAL = Map.of(
            SCHEDULED, EnumSet.of(WAITING, IN_PROGRESS, CANCELLED, NO_SHOW),
            WAITING, EnumSet.of(SCHEDULED, IN_PROGRESS, CANCELLED, NO_SHOW),
            IN_PROGRESS, EnumSet.of(COMPLETED),
            COMPLETED, EnumSet.noneOf(AppointmentStatus.class),
            CANCELLED, EnumSet.noneOf(AppointmentStatus.class),
            NO_SHOW, EnumSet.noneOf(AppointmentStatus.class));

    /** Shortest legal path from a new (scheduled) appointment to each status. */
    private static final Map<AppointmentStatus, List<AppointmentStatus>> PATH_TO = Map.of(
            SCHEDULED, List.of(),
            WAITING, List.of(WAITING),
            IN_PROGRESS, List.of(WAITING, IN_PROGRESS),
            COMPLETED, List.of(WAITING, IN_PROGRESS, COMPLETED),
            CANCELLED, List.of(CANCELLED),
            NO_SHOW, List.of(NO_SHOW));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (AppointmentStatus from : AppointmentStatus.values()) {
            for (AppointmentStatus to : AppointmentStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void everyTransitionIsAllowedOrRefusedWithAClearMessage(AppointmentStatus from, AppointmentStatus to) {
        Appointment appointment = appointmentIn(from);
        if (LEGAL.get(from).contains(to)) {
            appointment.moveTo(to, START.plusSeconds(60));
            assertThat(appointment.getStatus()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> appointment.moveTo(to, START.plusSeconds(60)))
                    .isInstanceOf(BusinessRuleException.class)
                    .hasMessage("This appointment " + phraseFor(from) + ", so it cannot be " + verbFor(to) + ".");
            assertThat(appointment.getStatus()).isEqualTo(from);
        }
    }

    @Test
    void refusalsReadAsPlainSentences() {
        assertThatThrownBy(() -> appointmentIn(CANCELLED).moveTo(IN_PROGRESS, START))
                .hasMessage("This appointment was cancelled, so it cannot be started.");
        assertThatThrownBy(() -> appointmentIn(COMPLETED).moveTo(CANCELLED, START))
                .hasMessage("This appointment is completed, so it cannot be cancelled.");
        assertThatThrownBy(() -> appointmentIn(SCHEDULED).moveTo(COMPLETED, START))
                .hasMessage("This appointment is scheduled, so it cannot be completed.");
        assertThatThrownBy(() -> appointmentIn(IN_PROGRESS).moveTo(NO_SHOW, START))
                .hasMessage("This appointment is in progress, so it cannot be marked as a no-show.");
    }

    @Test
    void theCallsStartIsRecordedOnceAndItsEndOnCompletion() {
        Appointment appointment = appointmentIn(SCHEDULED);
        appointment.moveTo(WAITING, START.minusSeconds(120));
        appointment.moveTo(IN_PROGRESS, START.plusSeconds(30));
        assertThat(appointment.getCallStartedAt()).isEqualTo(START.plusSeconds(30));
        assertThat(appointment.getCallEndedAt()).isNull();
        appointment.moveTo(COMPLETED, START.plusSeconds(900));
        assertThat(appointment.getCallStartedAt()).isEqualTo(START.plusSeconds(30));
        assertThat(appointment.getCallEndedAt()).isEqualTo(START.plusSeconds(900));
    }

    @Test
    void onlyAScheduledAppointmentCanBeRescheduled() {
        Appointment scheduled = appointmentIn(SCHEDULED);
        scheduled.reschedule(START.plus(Duration.ofHours(2)));
        assertThat(scheduled.getStartsAt()).isEqualTo(START.plus(Duration.ofHours(2)));

        for (AppointmentStatus other : EnumSet.complementOf(EnumSet.of(SCHEDULED))) {
            Appointment appointment = appointmentIn(other);
            assertThatThrownBy(() -> appointment.reschedule(START.plus(Duration.ofHours(3))))
                    .isInstanceOf(BusinessRuleException.class)
                    .hasMessage("This appointment " + phraseFor(other) + ", so it cannot be rescheduled.");
            assertThat(appointment.getStartsAt()).isEqualTo(START);
        }
    }

    @Test
    void upcomingMeansNotEndedAndNotYetOver() {
        Instant during = START.plus(Duration.ofMinutes(10));
        Instant after = START.plus(Duration.ofMinutes(45));
        assertThat(appointmentIn(SCHEDULED).isUpcoming(during)).isTrue();
        assertThat(appointmentIn(SCHEDULED).isUpcoming(after)).isFalse();
        assertThat(appointmentIn(IN_PROGRESS).isUpcoming(after)).as("a call running over is still on").isTrue();
        assertThat(appointmentIn(COMPLETED).isUpcoming(during)).isFalse();
        assertThat(appointmentIn(CANCELLED).isUpcoming(START.minusSeconds(3600))).isFalse();
    }

    private static Appointment appointmentIn(AppointmentStatus status) {
        UserAccount doctorAccount = new UserAccount("doc@example.com", "x", "Doc Tor", Role.DOCTOR, START);
        UserAccount patientAccount = new UserAccount("pat@example.com", "x", "Pat Ient", Role.PATIENT, START);
        Appointment appointment = new Appointment(new DoctorProfile(doctorAccount, "General", "R-1"),
                new PatientProfile(patientAccount, LocalDate.of(1990, 1, 1), null), START, Duration.ofMinutes(30), "check-up");
        PATH_TO.get(status).forEach(step -> appointment.moveTo(step, START));
        return appointment;
    }

    private static String phraseFor(AppointmentStatus status) {
        return switch (status) {
            case SCHEDULED -> "is scheduled";
            case WAITING -> "has its patient in the waiting room";
            case IN_PROGRESS -> "is in progress";
            case COMPLETED -> "is completed";
            case CANCELLED -> "was cancelled";
            case NO_SHOW -> "was marked as a no-show";
        };
    }

    private static String verbFor(AppointmentStatus status) {
        return switch (status) {
            case SCHEDULED -> "set back to scheduled";
            case WAITING -> "moved to the waiting room";
            case IN_PROGRESS -> "started";
            case COMPLETED -> "completed";
            case CANCELLED -> "cancelled";
            case NO_SHOW -> "marked as a no-show";
        };
    }
}
