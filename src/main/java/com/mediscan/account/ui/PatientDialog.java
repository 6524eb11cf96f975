package com.mediscan.account.ui;

import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.UserAccount;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.account.service.PatientDetails;
import com.mediscan.base.ui.Notices;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import java.time.Clock;
import java.time.LocalDate;

/** Creates a patient (with a temporary password) or edits one's details. */
class PatientDialog extends AccountFormDialog {

    /** The form's values; the binder checks each before the service does. */
    static final class Form {
        String fullName = "";
        String email = "";
        LocalDate dateOfBirth;
        String phone = "";
        String temporaryPassword = "";
    }

    final TextField fullName = new TextField("Full name");
    final EmailField email = new EmailField("Email");
    final DatePicker dateOfBirth = new DatePicker("Date of birth");
    final TextField phone = new TextField("Phone");
    final PasswordField temporaryPassword = new PasswordField("Temporary password");

    private final Binder<Form> binder = new Binder<>();
    private final AccountAdministration administration;
    private final PatientProfile existing;
    private final Runnable afterSave;

    PatientDialog(AccountAdministration administration, PatientProfile existing, Clock clock, Runnable afterSave) {
        super(existing == null ? "New patient" : "Edit " + existing.getDisplayName(), existing == null ? "Create patient" : "Save changes");
        this.administration = administration;
        this.existing = existing;
        this.afterSave = afterSave;

        fullName.setMaxLength(UserAccount.NAME_MAX);
        email.setMaxLength(UserAccount.EMAIL_MAX);
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(AccountAdministration.INVALID_EMAIL));
        dateOfBirth.setMax(LocalDate.now(clock));
        dateOfBirth.setI18n(new DatePicker.DatePickerI18n()
                .setMaxErrorMessage("A date of birth cannot be in the future.")
                .setBadInputErrorMessage("Enter a date, for example 12/04/1991."));
        phone.setMaxLength(PatientProfile.PHONE_MAX);
        phone.setHelperText("Optional");
        temporaryPassword.setHelperText("The patient must choose a new password at the first sign-in.");
        temporaryPassword.setVisible(existing == null);

        binder.forField(fullName).asRequired("Enter the patient's full name.")
                .withValidator(new StringLengthValidator("Use at most " + UserAccount.NAME_MAX + " characters.", 0, UserAccount.NAME_MAX))
                .bind(form -> form.fullName, (form, value) -> form.fullName = value);
        binder.forField(email).asRequired("Enter the patient's email address.")
                .withValidator(new EmailValidator(AccountAdministration.INVALID_EMAIL))
                .bind(form -> form.email, (form, value) -> form.email = value);
        binder.forField(dateOfBirth).asRequired("Enter the patient's date of birth.")
                .withValidator(born -> !born.isAfter(LocalDate.now(clock)), "A date of birth cannot be in the future.")
                .bind(form -> form.dateOfBirth, (form, value) -> form.dateOfBirth = value);
        binder.forField(phone)
                .withValidator(value -> value.isBlank() || AccountAdministration.isPhoneNumber(value), AccountAdministration.phoneRule())
                .bind(form -> form.phone, (form, value) -> form.phone = value);
        if (existing == null) {
            binder.forField(temporaryPassword).asRequired("Enter a temporary password.")
                    .bind(form -> form.temporaryPassword, (form, value) -> form.temporaryPassword = value);
        }
        Form initial = new Form();
        if (existing != null) {
            initial.fullName = existing.getAccount().getFullName();
            initial.email = existing.getAccount().getEmail();
            initial.dateOfBirth = existing.getDateOfBirth();
            initial.phone = existing.getPhone() == null ? "" : existing.getPhone();
        }
        binder.readBean(initial);

        fieldFor(PatientDetails.FULL_NAME, fullName);
        fieldFor(PatientDetails.EMAIL, email);
        fieldFor(PatientDetails.DATE_OF_BIRTH, dateOfBirth);
        fieldFor(PatientDetails.PHONE, phone);
        fieldFor(AccountAdministration.TEMPORARY_PASSWORD, temporaryPassword);
        add(new FormLayout(fullName, email, dateOfBirth, phone, temporaryPassword), formError);
    }

    @Override
    boolean submit() {
        Form form = new Form();
        if (!binder.writeBeanIfValid(form)) {
            return false;
        }
        PatientDetails details = new PatientDetails(form.fullName, form.email, form.dateOfBirth, form.phone);
        if (existing == null) {
            PatientProfile created = administration.createPatient(details, form.temporaryPassword);
            Notices.success(created.getDisplayName() + " can now sign in with the temporary password.");
        } else {
            administration.updatePatient(existing.getId(), details);
            Notices.success("Saved.");
        }
        afterSave.run();
        return true;
    }
}
