package com.mediscan.account.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.MovableClockTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

@MovableClockTest
class DoctorsAdminViewTest extends KaribuTest {

    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    UserDetailsService users;

    private ClinicFixtures fixtures;
    private DoctorProfile doctor;

    @BeforeEach
    void signInAsAdmin() {
        fixtures = new ClinicFixtures(applicationContext);
        doctor = fixtures.newDoctor("Administered medicine");
        signIn(DemoUsers.ADMIN);
        UI.getCurrent().navigate(DoctorsAdminView.class);
    }

    private DoctorsAdminView view() {
        return _get(DoctorsAdminView.class);
    }

    /** Narrows the grid to one doctor and returns the row's buttons. */
    private Button rowButton(DoctorProfile subject, String text) {
        _setValue(view().search, subject.getAccount().getEmail());
        assertThat(GridKt._size(view().grid)).isEqualTo(1);
        return _find(GridKt._getCellComponent(view().grid, 0, "actions"), Button.class, spec -> spec.withText(text)).getFirst();
    }

    @Test
    void listsTheClinicsDoctorsAndSearches() {
        _setValue(view().search, "sneha");
        assertThat(GridKt._getFormattedRow(view().grid, 0).subList(0, 5))
                .containsExactly("Dr. Sneha Shah", DemoUsers.SNEHA, "Dermatology", "GMC-2014-77310", "Active");
    }

    @Test
    void anEmptyNewDoctorFormSaysWhatIsMissingBesideEveryField() {
        _click(view().create);
        DoctorDialog dialog = _get(DoctorDialog.class);
        _setValue(dialog.email, "not-an-address");
        _click(dialog.save);
        _expectInvalid(dialog.fullName, "Enter the doctor's full name.");
        _expectInvalid(dialog.email, "Enter a valid email address, such as name@example.com.");
        _expectInvalid(dialog.specialty, "Enter the doctor's specialty.");
        _expectInvalid(dialog.registrationNumber, "Enter the doctor's registration number.");
        _expectInvalid(dialog.temporaryPassword, "Enter a temporary password.");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void theServicesRefusalsLandBesideTheirFieldsAndKeepTheRest() {
        _click(view().create);
        DoctorDialog dialog = _get(DoctorDialog.class);
        _setValue(dialog.fullName, "Meera Iyer");
        _setValue(dialog.email, DemoUsers.SNEHA);
        _setValue(dialog.specialty, "Neurology");
        _setValue(dialog.registrationNumber, "NEW-REG-1");
        _setValue(dialog.temporaryPassword, "start-here-1");
        _click(dialog.save);
        _expectInvalid(dialog.email, "An account with this email address already exists.");
        assertThat(dialog.fullName.getValue()).isEqualTo("Meera Iyer");

        _setValue(dialog.email, "meera-" + UUID.randomUUID() + "@mediscan.com");
        _setValue(dialog.registrationNumber, "GMC-2014-77310");
        _click(dialog.save);
        _expectInvalid(dialog.registrationNumber, "Another doctor already has this registration number.");

        _setValue(dialog.registrationNumber, "NEW-REG-" + UUID.randomUUID().toString().substring(0, 8));
        _setValue(dialog.temporaryPassword, "short");
        _click(dialog.save);
        _expectInvalid(dialog.temporaryPassword, "A password needs at least 12 characters.");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void aNewDoctorCanSignInWithTheTemporaryPasswordAndMustChangeIt() {
        String email = "new-doctor-" + UUID.randomUUID() + "@mediscan.com";
        _click(view().create);
        DoctorDialog dialog = _get(DoctorDialog.class);
        _setValue(dialog.fullName, "Meera Iyer");
        _setValue(dialog.email, email);
        _setValue(dialog.specialty, "Neurology");
        _setValue(dialog.registrationNumber, "NMC-" + UUID.randomUUID().toString().substring(0, 8));
        _setValue(dialog.temporaryPassword, "temporary-pass-1");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        var account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.isMustChangePassword()).isTrue();
        assertThat(passwordEncoder.matches("temporary-pass-1", account.getPasswordHash())).isTrue();
        _setValue(view().search, email);
        assertThat(GridKt._getFormatted(view().grid, 0, "name")).isEqualTo("Dr. Meera Iyer");
    }

    @Test
    void editingChangesTheDoctorsDetails() {
        _click(rowButton(doctor, "Edit"));
        DoctorDialog dialog = _get(DoctorDialog.class);
        assertThat(dialog.specialty.getValue()).isEqualTo("Administered medicine");
        _setValue(dialog.specialty, "Administered surgery");
        _click(dialog.save);
        assertThat(GridKt._getFormatted(view().grid, 0, "specialty")).isEqualTo("Administered surgery");
    }

    @Test
    void deactivatingStopsSignInButKeepsTheDoctorAndReactivatingUndoesIt() {
        _click(rowButton(doctor, "Deactivate"));
        assertThat(GridKt._getFormatted(view().grid, 0, "status")).isEqualTo("Deactivated");
        assertThat(users.loadUserByUsername(doctor.getAccount().getEmail()).isEnabled()).isFalse();

        _click(rowButton(doctor, "Reactivate"));
        assertThat(GridKt._getFormatted(view().grid, 0, "status")).isEqualTo("Active");
        assertThat(users.loadUserByUsername(doctor.getAccount().getEmail()).isEnabled()).isTrue();
    }

    @Test
    void resettingAPasswordSetsATemporaryOneThatMustBeChanged() {
        _click(rowButton(doctor, "Reset password"));
        ResetPasswordDialog dialog = _get(ResetPasswordDialog.class);
        _click(dialog.save);
        _expectInvalid(dialog.temporaryPassword, "Enter a temporary password.");
        _setValue(dialog.temporaryPassword, "short");
        _click(dialog.save);
        _expectInvalid(dialog.temporaryPassword, "A password needs at least 12 characters.");
        _setValue(dialog.temporaryPassword, "a-new-temporary-1");
        _click(dialog.save);

        var account = accounts.findById(doctor.getAccount().getId()).orElseThrow();
        assertThat(account.isMustChangePassword()).isTrue();
        assertThat(passwordEncoder.matches("a-new-temporary-1", account.getPasswordHash())).isTrue();
    }

    @Test
    void otherFeaturesActionsSitOnEachDoctorsRow() {
        // The appointment feature's working hours (WorkingHoursDialogTest), listed without this feature naming it.
        assertThat(rowButton(doctor, "Working hours").isVisible()).isTrue();
    }
}
