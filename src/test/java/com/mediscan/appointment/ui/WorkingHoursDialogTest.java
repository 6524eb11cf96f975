package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.appointment.service.WorkingHoursService;
import com.mediscan.appointment.service.WorkingHoursService.DayHours;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.MovableClockTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A doctor's working hours, opened by the administrator from the doctors list, checked and saved. */
@MovableClockTest
class WorkingHoursDialogTest extends KaribuTest {

    @Autowired
    WorkingHoursService workingHours;

    @Test
    void workingHoursAreShownCheckedAndSaved() {
        DoctorProfile doctor = new ClinicFixtures(applicationContext).newDoctor("Administered medicine");
        signIn(DemoUsers.ADMIN);
        UI.getCurrent().navigate("admin/doctors");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search")), doctor.getAccount().getEmail());
        Grid<?> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        _click(_find(GridKt._getCellComponent(grid, 0, "actions"), Button.class, spec -> spec.withText("Working hours")).getFirst());

        WorkingHoursDialog dialog = _get(WorkingHoursDialog.class);
        WorkingHoursDialog.DayRow monday = dialog.rows.get(DayOfWeek.MONDAY);
        assertThat(monday.works.getValue()).isTrue();
        assertThat(monday.start.getValue()).isEqualTo(ClinicFixtures.OPENS);

        _setValue(monday.end, LocalTime.of(7, 0));
        _setValue(dialog.rows.get(DayOfWeek.SUNDAY).works, false);
        _setValue(dialog.rows.get(DayOfWeek.SATURDAY).start, null);
        _click(dialog.save);
        _expectInvalid(monday.end, "On Monday the end time must be after the start time.");
        _expectInvalid(dialog.rows.get(DayOfWeek.SATURDAY).start, "Enter both a start and an end time for Saturday.");
        assertThat(dialog.isOpened()).isTrue();

        _setValue(monday.end, LocalTime.of(12, 30));
        _setValue(dialog.rows.get(DayOfWeek.SATURDAY).works, false);
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(workingHours.hoursOf(doctor.getId()))
                .contains(new DayHours(DayOfWeek.MONDAY, ClinicFixtures.OPENS, LocalTime.of(12, 30)))
                .extracting(DayHours::day).doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).hasSize(5);
    }
}
