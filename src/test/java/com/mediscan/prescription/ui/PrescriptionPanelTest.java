package com.mediscan.prescription.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.prescription.PrescriptionFixtures;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionStatus;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PrescriptionPanelTest extends KaribuTest {

    @Autowired
    PrescriptionPanelFactory panels;
    @Autowired
    PrescriptionService service;

    private Appointment appointment;

    @BeforeEach
    void inTheCall() {
        appointment = new PrescriptionFixtures(applicationContext).appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        signIn(DemoUsers.RAJESH);
    }

    private PrescriptionPanel open() {
        PrescriptionPanel panel = panels.create(appointment.getId());
        UI.getCurrent().add(panel);
        return panel;
    }

    private static List<String> titles(PrescriptionPanel panel) {
        return panel.rows.stream().map(row -> row.title.getText()).toList();
    }

    private static void fill(MedicationRow row, String medicine, String dose, String frequency, String duration, String quantity,
                             String directions) {
        _setValue(row.medicine, medicine);
        _setValue(row.dose, dose);
        _setValue(row.frequency, frequency);
        _setValue(row.duration, duration);
        _setValue(row.quantity, quantity);
        _setValue(row.directions, directions);
    }

    @Test
    void medicationRowsCanBeAddedAndRemoved() {
        PrescriptionPanel panel = open();
        assertThat(titles(panel)).containsExactly("Medication 1");

        _click(panel.addMedication);
        _click(panel.addMedication);
        assertThat(titles(panel)).containsExactly("Medication 1", "Medication 2", "Medication 3");
        _setValue(panel.rows.get(1).medicine, "Clopidogrel");

        _click(panel.rows.getFirst().remove);
        assertThat(titles(panel)).containsExactly("Medication 1", "Medication 2");
        assertThat(panel.rows.getFirst().medicine.getValue()).isEqualTo("Clopidogrel");
        assertThat(panel.rows.getFirst().remove.getAriaLabel()).contains("Remove medication 1");
        assertThat(panel.rows.getFirst().getElement().getAttribute("aria-label")).isEqualTo("Medication 1");
    }

    @Test
    void savingAnIncompleteFormPutsAClearMessageOnEveryMissingField() {
        PrescriptionPanel panel = open();
        MedicationRow row = panel.rows.getFirst();
        _setValue(row.medicine, "Amlodipine");

        _click(panel.save);

        assertThat(panel.diagnosis.isInvalid()).isTrue();
        assertThat(panel.diagnosis.getErrorMessage()).isEqualTo("Enter a diagnosis.");
        assertThat(row.medicine.isInvalid()).isFalse();
        assertThat(row.dose.getErrorMessage()).isEqualTo("Enter the strength or dose, for example 5 mg.");
        assertThat(row.route.isInvalid()).as("the formulary filled in the route").isFalse();
        assertThat(row.frequency.getErrorMessage()).isEqualTo("Enter how often, for example Once daily.");
        assertThat(row.duration.getErrorMessage()).isEqualTo("Enter for how long, for example 30 days.");
        assertThat(row.quantity.isInvalid()).isFalse();
        NotificationsKt.expectNotifications("Please correct the highlighted fields before saving.");
        assertThat(service.signedVersions(appointment.getId())).isEmpty();

        _setValue(panel.diagnosis, "Hypertension");
        assertThat(panel.diagnosis.isInvalid()).as("a corrected field loses its message at once").isFalse();
        assertThat(row.dose.isInvalid()).isTrue();

        _click(row.remove);
        _click(panel.save);
        assertThat(panel.medicationsError.isVisible()).isTrue();
        assertThat(panel.medicationsError.getText()).isEqualTo("Add at least one medication.");
        assertThat(panel.diagnosis.getValue()).as("nothing typed is lost").isEqualTo("Hypertension");
    }

    @Test
    void theMedicineFieldSuggestsFromTheFormularyAndTakesFreeText() {
        PrescriptionPanel panel = open();
        MedicationRow row = panel.rows.getFirst();
        assertThat(ComboBoxKt.getSuggestions(row.medicine))
                .contains("Amlodipine", "Atorvastatin", "Clopidogrel", "Hydrocortisone 1% cream", "Cetirizine");

        _setValue(row.medicine, "Hydrocortisone 1% cream");
        assertThat(row.route.getValue()).isEqualTo("Topical");
        assertThat(row.dose.getHelperText()).isEqualTo("Cream: 1%");

        ComboBoxKt._fireCustomValueSet(row.medicine, "Nebivolol");
        assertThat(row.medicine.getValue()).isEqualTo("Nebivolol");
        assertThat(row.dose.getHelperText()).isNull();
    }

    @Test
    void theDraftIsBackWhenThePanelIsOpenedAgainAfterADroppedCall() {
        PrescriptionPanel first = open();
        _setValue(first.diagnosis, "Stable angina");
        _setValue(first.rows.getFirst().medicine, "Amlodipine");
        _setValue(first.rows.getFirst().dose, "5 mg");
        _click(first.addMedication);
        ComboBoxKt._fireCustomValueSet(first.rows.get(1).medicine, "Isosorbide dinitrate");
        _setValue(first.notes, "Avoid heavy exertion.");
        _setValue(first.followUp, LocalDate.now().plusDays(14));
        assertThat(first.draftStatus.getText()).startsWith("Draft saved at");

        UI.getCurrent().removeAll();
        PrescriptionPanel again = open();

        assertThat(again.diagnosis.getValue()).isEqualTo("Stable angina");
        assertThat(titles(again)).containsExactly("Medication 1", "Medication 2");
        assertThat(again.rows.getFirst().line()).isEqualTo(new MedicationLine("Amlodipine", "5 mg", "Oral", null, null, null, null));
        assertThat(again.rows.get(1).medicine.getValue()).isEqualTo("Isosorbide dinitrate");
        assertThat(again.notes.getValue()).isEqualTo("Avoid heavy exertion.");
        assertThat(again.followUp.getValue()).isEqualTo(LocalDate.now().plusDays(14));
        assertThat(again.draftStatus.getText()).startsWith("Draft saved at");
        assertThat(service.signedVersions(appointment.getId())).as("a draft is not a prescription").isEmpty();
    }

    @Test
    void savePrescriptionSignsItAndSavingAgainIssuesACorrection() {
        PrescriptionPanel panel = open();
        List<Prescription> announced = new ArrayList<>();
        panel.addIssuedListener(event -> announced.add(event.getPrescription()));
        fill(panel.rows.getFirst(), "Amlodipine", "5 mg", "Once daily", "30 days", "30 tablets", "Take in the morning");
        _click(panel.addMedication);
        fill(panel.rows.get(1), "Atorvastatin", "20 mg", "At bedtime", "30 days", "30 tablets", "Take after dinner");
        _setValue(panel.diagnosis, "Stable angina");

        _click(panel.save);

        NotificationsKt.expectNotifications("Prescription version 1 saved and signed.");
        assertThat(announced).singleElement().extracting(Prescription::getVersionNumber).isEqualTo(1);
        assertThat(panel.versionInfo.getText()).contains("Version 1 was issued").contains("correction as version 2");
        assertThat(service.signedVersions(appointment.getId())).singleElement().satisfies(p -> {
            assertThat(p.getDiagnosis()).isEqualTo("Stable angina");
            assertThat(p.getMedications()).extracting(MedicationLine::medicine).containsExactly("Amlodipine", "Atorvastatin");
            assertThat(p.getMedications().get(1).directions()).isEqualTo("Take after dinner");
        });
        assertThat(panel.rows.getFirst().medicine.getValue()).as("the form keeps the issued text for a correction").isEqualTo("Amlodipine");

        _setValue(panel.rows.getFirst().dose, "10 mg");
        _click(panel.save);

        assertThat(service.signedVersions(appointment.getId())).extracting(Prescription::getVersionNumber, Prescription::getStatus)
                .containsExactly(tuple(2, PrescriptionStatus.ISSUED), tuple(1, PrescriptionStatus.SUPERSEDED));
    }

    @Test
    void aPatientGetsNoPrescriptionPanel() {
        signIn(DemoUsers.KRIYA);
        assertThatThrownBy(() -> panels.create(appointment.getId())).isInstanceOf(NotFoundOrDeniedException.class);
    }
}
