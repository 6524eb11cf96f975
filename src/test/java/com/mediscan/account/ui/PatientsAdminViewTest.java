package com.mediscan.account.ui;

import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.MovableClockTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

@MovableClockTest
class PatientsAdminViewTest extends KaribuTest {

    @Autowired
    PatientProfileRepository patients;
    @Autowired
    UserDetailsService users;

    private PatientProfile patient;

    @BeforeEach
    void signInAsAdmin() {
        patient = new ClinicFixtures(applicationContext).newPatient();
        signIn(DemoUsers.ADMIN);
        UI.getCurrent().navigate(PatientsAdminView.class);
    }

    private PatientsAdminView view() {
        return _get(PatientsAdminView.class);
    }

    private Button rowButton(PatientProfile subject, String text) {
        _setValue(view().search, subject.getAccount().getEmail());
        assertThat(GridKt._size(view().grid)).isEqualTo(1);
        return _find(GridKt._getCellComponent(view().grid, 0, "actions"), Button.class, spec -> spec.withText(text)).getFirst();
    }

    @Test
    void listsPatientsWithTheirDetails() {
        _setValue(view().search, "kriya");
        assertThat(GridKt._getFormattedRow(view().grid, 0).subList(0, 5))
                .containsExactly("Kriya Mehta", DemoUsers.KRIYA, "12 Apr 1991", "+91 98200 11223", "Active");
    }

    @Test
    void everyInvalidFieldSaysWhy() {
        _click(view().create);
        PatientDialog dialog = _get(PatientDialog.class);
        _setValue(dialog.email, "nobody@");
        _setValue(dialog.phone, "call me maybe");
        _setValue(dialog.dateOfBirth, LocalDate.of(2031, 1, 1));
        _click(dialog.save);
        _expectInvalid(dialog.fullName, "Enter the patient's full name.");
        _expectInvalid(dialog.email, "Enter a valid email address, such as name@example.com.");
        _expectInvalid(dialog.dateOfBirth, "A date of birth cannot be in the future.");
        _expectInvalid(dialog.phone, "Enter a phone number of 5 to 32 digits, spaces and + ( ) - only.");
        _expectInvalid(dialog.temporaryPassword, "Enter a temporary password.");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void aNewPatientIsCreatedAndEditable() {
        String email = "new-patient-" + UUID.randomUUID() + "@mediscan.com";
        _click(view().create);
        PatientDialog dialog = _get(PatientDialog.class);
        _setValue(dialog.fullName, "Rohan Gupta");
        _setValue(dialog.email, email);
        _setValue(dialog.dateOfBirth, LocalDate.of(1979, 6, 30));
        _setValue(dialog.phone, "+91 99000 12345");
        _setValue(dialog.temporaryPassword, "first-pass-123");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();

        _setValue(view().search, email);
        assertThat(GridKt._getFormattedRow(view().grid, 0).subList(0, 4))
                .containsExactly("Rohan Gupta", email, "30 Jun 1979", "+91 99000 12345");
        _click(_find(GridKt._getCellComponent(view().grid, 0, "actions"), Button.class, spec -> spec.withText("Edit")).getFirst());
        PatientDialog edit = _get(PatientDialog.class);
        assertThat(edit.temporaryPassword.isVisible()).isFalse();
        _setValue(edit.phone, "");
        _click(edit.save);
        assertThat(GridKt._getFormatted(view().grid, 0, "phone")).isEmpty();
    }

    @Test
    void aPatientIsDeactivatedNeverDeleted() {
        _click(rowButton(patient, "Deactivate"));
        assertThat(patients.findById(patient.getId())).isPresent();
        assertThat(GridKt._getFormatted(view().grid, 0, "status")).isEqualTo("Deactivated");
        assertThat(users.loadUserByUsername(patient.getAccount().getEmail()).isEnabled()).isFalse();
    }
}
