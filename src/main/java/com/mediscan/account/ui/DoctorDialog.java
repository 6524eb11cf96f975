package com.mediscan.account.ui;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.UserAccount;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.account.service.DoctorDetails;
import com.mediscan.base.ui.Notices;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;

/** Creates a doctor (with a temporary password) or edits one's details. */
class DoctorDialog extends AccountFormDialog {

    /** The form's values; the binder checks each before the service does. */
    static final class Form {
        String fullName = "";
        String email = "";
        String specialty = "";
        String registrationNumber = "";
        String temporaryPassword = "";
    }

    final TextField fullName = new TextField("Full name");
    final EmailField email = new EmailField("Email");
    final TextField specialty = new TextField("Specialty");
    final TextField registrationNumber = new TextField("Registration number");
    final PasswordField temporaryPassword = new PasswordField("Temporary password");

    private final Binder<Form> binder = new Binder<>();
    private final AccountAdministration administration;
    private final DoctorProfile existing;
    private final Runnable afterSave;

    DoctorDialog(AccountAdministration administration, DoctorProfile existing, Runnable afterSave) {
        super(existing == null ? "New doctor" : "Edit " + existing.getDisplayName(), existing == null ? "Create doctor" : "Save changes");
        this.administration = administration;
        this.existing = existing;
        this.afterSave = afterSave;

        fullName.setMaxLength(UserAccount.NAME_MAX);
        email.setMaxLength(UserAccount.EMAIL_MAX);
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(AccountAdministration.INVALID_EMAIL));
        specialty.setMaxLength(DoctorProfile.SPECIALTY_MAX);
        registrationNumber.setMaxLength(DoctorProfile.REGISTRATION_MAX);
        temporaryPassword.setHelperText("The doctor must choose a new password at the first sign-in.");
        temporaryPassword.setVisible(existing == null);

        binder.forField(fullName).asRequired("Enter the doctor's full name.")
                .withValidator(new StringLengthValidator("Use at most " + UserAccount.NAME_MAX + " characters.", 0, UserAccount.NAME_MAX))
                .bind(form -> form.fullName, (form, value) -> form.fullName = value);
        binder.forField(email).asRequired("Enter the doctor's email address.")
                .withValidator(new EmailValidator(AccountAdministration.INVALID_EMAIL))
                .bind(form -> form.email, (form, value) -> form.email = value);
        binder.forField(specialty).asRequired("Enter the doctor's specialty.")
                .withValidator(new StringLengthValidator("Use at most " + DoctorProfile.SPECIALTY_MAX + " characters.", 0, DoctorProfile.SPECIALTY_MAX))
                .bind(form -> form.specialty, (form, value) -> form.specialty = value);
        binder.forField(registrationNumber).asRequired("Enter the doctor's registration number.")
                .withValidator(new StringLengthValidator("Use at most " + DoctorProfile.REGISTRATION_MAX + " characters.", 0, DoctorProfile.REGISTRATION_MAX))
                .bind(form -> form.registrationNumber, (form, value) -> form.registrationNumber = value);
        if (existing == null) {
            binder.forField(temporaryPassword).asRequired("Enter a temporary password.")
                    .bind(form -> form.temporaryPassword, (form, value) -> form.temporaryPassword = value);
        }
        Form initial = new Form();
        if (existing != null) {
            initial.fullName = existing.getAccount().getFullName();
            initial.email = existing.getAccount().getEmail();
            initial.specialty = existing.getSpecialty();
            initial.registrationNumber = existing.getRegistrationNumber();
        }
        binder.readBean(initial);

        fieldFor(DoctorDetails.FULL_NAME, fullName);
        fieldFor(DoctorDetails.EMAIL, email);
        fieldFor(DoctorDetails.SPECIALTY, specialty);
        fieldFor(DoctorDetails.REGISTRATION_NUMBER, registrationNumber);
        fieldFor(AccountAdministration.TEMPORARY_PASSWORD, temporaryPassword);
        add(new FormLayout(fullName, email, specialty, registrationNumber, temporaryPassword), formError);
    }

    @Override
    boolean submit() {
        Form form = new Form();
        if (!binder.writeBeanIfValid(form)) {
            return false;
        }
        DoctorDetails details = new DoctorDetails(form.fullName, form.email, form.specialty, form.registrationNumber);
        if (existing == null) {
            DoctorProfile created = administration.createDoctor(details, form.temporaryPassword);
            Notices.success(created.getDisplayName() + " can now sign in with the temporary password.");
        } else {
            administration.updateDoctor(existing.getId(), details);
            Notices.success("Saved.");
        }
        afterSave.run();
        return true;
    }
}
