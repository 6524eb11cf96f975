package com.mediscan.account.ui;

import com.mediscan.account.domain.UserAccount;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.base.ui.FormDialog;
import com.mediscan.base.ui.Notices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;

/**
 * Creates a person's account (with a temporary password) or edits its details: the name, email
 * and password every account has, and the fields of one kind of person ({@link DoctorDialog},
 * {@link PatientDialog}) between them.
 *
 * @param <F> the form's values; the binder checks each before the service does
 */
abstract class PersonDialog<F extends PersonDialog.PersonForm> extends FormDialog {

    /** What every person's form holds. */
    static class PersonForm {
        String fullName = "";
        String email = "";
        String temporaryPassword = "";
    }

    final TextField fullName = new TextField("Full name");
    final EmailField email = new EmailField("Email");
    final PasswordField temporaryPassword = new PasswordField("Temporary password");

    final Binder<F> binder = new Binder<>();
    private final boolean creating;
    private final Runnable afterSave;

    /**
     * @param kind         "doctor" or "patient", as the texts name them
     * @param existingName the person's name when editing, null when creating
     */
    PersonDialog(String kind, String existingName, Runnable afterSave) {
        super(existingName == null ? "New " + kind : "Edit " + existingName, existingName == null ? "Create " + kind : "Save changes");
        this.creating = existingName == null;
        this.afterSave = afterSave;

        fullName.setMaxLength(UserAccount.NAME_MAX);
        email.setMaxLength(UserAccount.EMAIL_MAX);
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(AccountAdministration.INVALID_EMAIL));
        temporaryPassword.setHelperText("The " + kind + " must choose a new password at the first sign-in.");
        temporaryPassword.setVisible(creating);

        binder.forField(fullName).asRequired("Enter the " + kind + "'s full name.")
                .withValidator(new StringLengthValidator("Use at most " + UserAccount.NAME_MAX + " characters.", 0, UserAccount.NAME_MAX))
                .bind(form -> form.fullName, (form, value) -> form.fullName = value);
        binder.forField(email).asRequired("Enter the " + kind + "'s email address.")
                .withValidator(new EmailValidator(AccountAdministration.INVALID_EMAIL))
                .bind(form -> form.email, (form, value) -> form.email = value);
        if (creating) {
            binder.forField(temporaryPassword).asRequired("Enter a temporary password.")
                    .bind(form -> form.temporaryPassword, (form, value) -> form.temporaryPassword = value);
        }
        fieldFor(AccountAdministration.TEMPORARY_PASSWORD, temporaryPassword);
    }

    /** Shows the form (name, email, the kind's own fields, password) with the values read from {@code initial}. */
    void layOut(F initial, Component... kindFields) {
        binder.readBean(initial);
        FormLayout layout = new FormLayout(fullName, email);
        layout.add(kindFields);
        layout.add(temporaryPassword);
        add(layout, formError);
    }

    /** A new, empty form of the kind's type. */
    abstract F newForm();

    /** Creates the person and returns their name, for the notice. */
    abstract String create(F form);

    abstract void update(F form);

    @Override
    protected boolean submit() {
        F form = newForm();
        if (!binder.writeBeanIfValid(form)) {
            return false;
        }
        if (creating) {
            Notices.success(create(form) + " can now sign in with the temporary password.");
        } else {
            update(form);
            Notices.success("Saved.");
        }
        afterSave.run();
        return true;
    }
}
