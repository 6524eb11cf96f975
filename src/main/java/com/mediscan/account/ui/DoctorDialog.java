package com.mediscan.account.ui;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.account.service.DoctorDetails;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.validator.StringLengthValidator;

/** Creates a doctor (with a temporary password) or edits one's details. */
class DoctorDialog extends PersonDialog<DoctorDialog.Form> {

    static final class Form extends PersonForm {
        String specialty = "";
        String registrationNumber = "";
    }

    final TextField specialty = new TextField("Specialty");
    final TextField registrationNumber = new TextField("Registration number");

    private final AccountAdministration administration;
    private final DoctorProfile existing;

    DoctorDialog(AccountAdministration administration, DoctorProfile existing, Runnable afterSave) {
        super("doctor", existing == null ? null : existing.getDisplayName(), afterSave);
        this.administration = administration;
        this.existing = existing;

        specialty.setMaxLength(DoctorProfile.SPECIALTY_MAX);
        registrationNumber.setMaxLength(DoctorProfile.REGISTRATION_MAX);
        binder.forField(specialty).asRequired("Enter the doctor's specialty.")
                .withValidator(new StringLengthValidator("Use at most " + DoctorProfile.SPECIALTY_MAX + " characters.", 0, DoctorProfile.SPECIALTY_MAX))
                .bind(form -> form.specialty, (form, value) -> form.specialty = value);
        binder.forField(registrationNumber).asRequired("Enter the doctor's registration number.")
                .withValidator(new StringLengthValidator("Use at most " + DoctorProfile.REGISTRATION_MAX + " characters.", 0, DoctorProfile.REGISTRATION_MAX))
                .bind(form -> form.registrationNumber, (form, value) -> form.registrationNumber = value);
        fieldFor(DoctorDetails.FULL_NAME, fullName);
        fieldFor(DoctorDetails.EMAIL, email);
        fieldFor(DoctorDetails.SPECIALTY, specialty);
        fieldFor(DoctorDetails.REGISTRATION_NUMBER, registrationNumber);

        Form initial = new Form();
        if (existing != null) {
            initial.fullName = existing.getAccount().getFullName();
            initial.email = existing.getAccount().getEmail();
            initial.specialty = existing.getSpecialty();
            initial.registrationNumber = existing.getRegistrationNumber();
        }
        layOut(initial, specialty, registrationNumber);
    }

    @Override
    Form newForm() {
        return new Form();
    }

    @Override
    String create(Form form) {
        return administration.createDoctor(details(form), form.temporaryPassword).getDisplayName();
    }

    @Override
    void update(Form form) {
        administration.updateDoctor(existing.getId(), details(form));
    }

    private static DoctorDetails details(Form form) {
        return new DoctorDetails(form.fullName, form.email, form.specialty, form.registrationNumber);
    }
}
