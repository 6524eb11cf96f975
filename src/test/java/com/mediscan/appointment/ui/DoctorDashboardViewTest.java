package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.mediscan.appointment.ui.DashboardTestSupport.buttonIn;
import static com.mediscan.appointment.ui.DashboardTestSupport.cardWith;
import static com.mediscan.appointment.ui.DashboardTestSupport.cardsIn;
import static com.mediscan.appointment.ui.DashboardTestSupport.clickMenuItem;
import static com.mediscan.appointment.ui.DashboardTestSupport.currentPath;
import static com.mediscan.appointment.ui.DashboardTestSupport.gridShows;
import static com.mediscan.appointment.ui.DashboardTestSupport.menuItem;
import static com.mediscan.appointment.ui.DashboardTestSupport.poll;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.MovableClock;
import com.mediscan.support.MovableClockConfig;
import com.mediscan.support.MovableClockTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.data.provider.SortDirection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MovableClockTest
class DoctorDashboardViewTest extends KaribuTest {

    private static final Instant TODAY_TEN = MovableClockConfig.START.plus(Duration.ofHours(2));

    @Autowired
    MovableClock clock;

    private ClinicFixtures fixtures;
    private DoctorProfile doctor;
    private PatientProfile anna;
    private PatientProfile ben;
    private Appointment annaAtTen;
    private Appointment benAtNoon;
    private Appointment annaTomorrow;
    private Appointment benYesterday;
    private Appointment otherDoctorsAtTen;

    @BeforeEach
    void aDoctorsWeek() {
        clock.set(MovableClockConfig.START);
        fixtures = new ClinicFixtures(applicationContext);
        doctor = fixtures.newDoctor("Dashboard medicine");
        anna = fixtures.newPatient();
        ben = fixtures.newPatient();
        annaAtTen = fixtures.appointment(doctor, anna, TODAY_TEN);
        benAtNoon = fixtures.appointment(doctor, ben, TODAY_TEN.plus(Duration.ofHours(2)));
        annaTomorrow = fixtures.appointment(doctor, anna, TODAY_TEN.plus(Duration.ofDays(1)));
        benYesterday = fixtures.appointment(doctor, ben, TODAY_TEN.minus(Duration.ofDays(1)));
        otherDoctorsAtTen = fixtures.appointment(fixtures.newDoctor("Dashboard medicine"), fixtures.newPatient(), TODAY_TEN);
        signIn(doctor.getAccount().getEmail());
        OtherFeaturesRoutes.standInWhereMissing();
        UI.getCurrent().navigate(DoctorDashboardView.class);
    }

    @AfterEach
    void resetClock() {
        clock.set(MovableClockConfig.START);
    }

    private DoctorDashboardView view() {
        return _get(DoctorDashboardView.class);
    }

    @Test
    void todaysListHoldsTodaysOwnAppointmentsEachWithStartVideoCall() {
        List<AppointmentCard> cards = cardsIn(view().today);
        assertThat(cards).extracting(card -> card.who.getText())
                .containsExactly(anna.getDisplayName(), ben.getDisplayName());
        assertThat(cardWith(view().today, anna.getDisplayName()).when.getText()).isEqualTo("Wed 9 Jan 2030, 10:00–10:30");
        cards.forEach(card -> assertThat(buttonIn(card, "Start Video Call")).isNotNull());
    }

    @Test
    void outsideTheJoinWindowTheButtonIsDisabledAndSaysWhyAndWhenItOpens() {
        Button call = buttonIn(cardWith(view().today, anna.getDisplayName()), "Start Video Call");
        assertThat(call.isEnabled()).isFalse();
        assertThat(call.getTooltip().getText())
                .isEqualTo("The call opens 15 minutes before the appointment starts, at 09:45 on Wed 9 Jan 2030.");
    }

    @Test
    void theButtonEnablesItselfWhenTheWindowOpensAndLeadsIntoTheConsultation() {
        clock.set(TODAY_TEN.minus(Duration.ofMinutes(15)));
        poll();
        Button call = buttonIn(cardWith(view().today, anna.getDisplayName()), "Start Video Call");
        assertThat(call.isEnabled()).isTrue();
        assertThat(buttonIn(cardWith(view().today, ben.getDisplayName()), "Start Video Call").isEnabled())
                .as("the noon appointment is not open yet").isFalse();
        _click(call);
        assertThat(currentPath()).isEqualTo("video-consultation/" + annaAtTen.getId());
    }

    @Test
    void theGridShowsOnlyThisDoctorsAppointments() {
        var grid = view().grid;
        assertThat(GridKt._size(grid)).isEqualTo(4);
        assertThat(gridShows(grid, otherDoctorsAtTen)).isFalse();
        assertThat(GridKt._getFormattedRow(grid, DashboardTestSupport.rowOf(grid, annaAtTen)).subList(0, 5))
                .containsExactly("Wed 9 Jan 2030", "10:00–10:30", anna.getDisplayName(), "Fixture visit", "Scheduled");
    }

    @Test
    void theGridFiltersByDateStatusAndPatientAndSortsInTheDatabase() {
        DoctorDashboardView view = view();
        _setValue(view.dateFilter, LocalDate.ofInstant(TODAY_TEN, ZoneOffset.UTC));
        assertThat(GridKt._findAll(view.grid)).extracting(Appointment::getId).containsExactlyInAnyOrder(annaAtTen.getId(), benAtNoon.getId());

        _setValue(view.dateFilter, null);
        _setValue(view.patientFilter, ben.getDisplayName().substring(ben.getDisplayName().length() - 8));
        assertThat(GridKt._findAll(view.grid)).extracting(Appointment::getId).containsExactlyInAnyOrder(benAtNoon.getId(), benYesterday.getId());

        _setValue(view.patientFilter, "");
        GridKt._sortByKey(view.grid, "date", SortDirection.ASCENDING);
        assertThat(GridKt._findAll(view.grid)).extracting(Appointment::getId)
                .containsExactly(benYesterday.getId(), annaAtTen.getId(), benAtNoon.getId(), annaTomorrow.getId());

        _setValue(view.statusFilter, AppointmentStatus.CANCELLED);
        assertThat(GridKt._size(view.grid)).isZero();
    }

    @Test
    void theActionsMenuStartsTheCallInsideTheWindowOnly() {
        MenuItem call = menuItem(view().grid, annaAtTen, "Start Video Call");
        assertThat(call.isEnabled()).isFalse();

        clock.set(TODAY_TEN.minus(Duration.ofMinutes(5)));
        poll();
        call = menuItem(view().grid, annaAtTen, "Start Video Call");
        assertThat(call.isEnabled()).isTrue();
        clickMenuItem(view().grid, annaAtTen, "Start Video Call");
        assertThat(currentPath()).isEqualTo("video-consultation/" + annaAtTen.getId());
    }

    @Test
    void theActionsMenuOpensThePatientsRecord() {
        clickMenuItem(view().grid, annaTomorrow, "Open patient record");
        assertThat(currentPath()).isEqualTo("records/" + annaTomorrow.getId());
    }

    @Test
    void cancellingAsksFirstThenCancels() {
        clickMenuItem(view().grid, benAtNoon, "Cancel appointment");
        Confirmation confirmation = _get(Confirmation.class);
        assertThat(fixtures.reload(benAtNoon).getStatus()).as("nothing happens before the answer").isEqualTo(AppointmentStatus.SCHEDULED);
        _click(confirmation.confirm);
        assertThat(fixtures.reload(benAtNoon).getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cardsIn(view().today)).extracting(card -> card.who.getText()).containsExactly(anna.getDisplayName());
        assertThat(menuItem(view().grid, benAtNoon, "Cancel appointment").isEnabled()).isFalse();
    }

    @Test
    void aNoShowCanBeMarkedOnlyOnceTheStartHasPassed() {
        MenuItem future = menuItem(view().grid, annaTomorrow, "Mark as no-show");
        assertThat(future.isEnabled()).isFalse();

        clickMenuItem(view().grid, benYesterday, "Mark as no-show");
        _click(_get(Confirmation.class).confirm);
        assertThat(fixtures.reload(benYesterday).getStatus()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(GridKt._getFormatted(view().grid, DashboardTestSupport.rowOf(view().grid, benYesterday), "status")).isEqualTo("No-show");
    }
}
