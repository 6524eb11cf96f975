package com.mediscan.account.ui;

import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.account.service.PatientDetails;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;

/** Creates a patient (with a temporary password) or edits one's details. */
class PatientDialog extends PersonDialog<PatientDialog.Form> {

    static final class Form extends PersonForm {
        LocalDate dateOfBirth;
        String phone = "";
    }

    final DatePicker dateOfBirth = new DatePicker("Date of birth");
    final TextField phone = new TextField("Phone");

    private final AccountAdministration administration;
    private final PatientProfile existing;

    PatientDialog(AccountAdministration administration, PatientProfile existing, Clock clock, Runnable afterSave) {
        super("patient", existing == null ? null : existing.getDisplayName(), afterSave);
        this.administration = administration;
        this.existing = existing;

        dateOfBirth.setMax(LocalDate.now(clock));
        dateOfBirth.setI18n(new DatePicker.DatePickerI18n()
                .setMaxErrorMessage("A date of birth cannot be in the future.")
                .setBadInputErrorMessage("Enter a date, for example 12/04/1991."));
        phone.setMaxLength(PatientProfile.PHONE_MAX);
        phone.setHelperText("Optional");
        binder.forField(dateOfBirth).asRequired("Enter the patient's date of birth.")
                .withValidator(born -> !born.isAfter(LocalDate.now(clock)), "A date of birth cannot be in the future.")
                .bind(form -> form.dateOfBirth, (form, value) -> form.dateOfBirth = value);
        binder.forField(phone)
                .withValidator(value -> value.isBlank() || AccountAdministration.isPhoneNumber(value), AccountAdministration.phoneRule())
                .bind(form -> form.phone, (form, value) -> form.phone = value);
        fieldFor(PatientDetails.FULL_NAME, fullName);
        fieldFor(PatientDetails.EMAIL, email);
        fieldFor(PatientDetails.DATE_OF_BIRTH, dateOfBirth);
        fieldFor(PatientDetails.PHONE, phone);

        Form initial = new Form();
        if (existing != null) {
            initial.fullName = existing.getAccount().getFullName();
            initial.email = existing.getAccount().getEmail();
            initial.dateOfBirth = existing.getDateOfBirth();
            initial.phone = existing.getPhone() == null ? "" : existing.getPhone();
        }
        layOut(initial, dateOfBirth, phone);
    }

    @Override
    Form newForm() {
        return new Form();
    }

    @Override
    String create(Form form) {
        return administration.createPatient(details(form), form.temporaryPassword).getDisplayName();
    }

    @Override
    void update(Form form) {
        administration.updatePatient(existing.getId(), details(form));
    }

    private static PatientDetails details(Form form) {
        return new PatientDetails(form.fullName, form.email, form.dateOfBirth, form.phone);
    }
}
