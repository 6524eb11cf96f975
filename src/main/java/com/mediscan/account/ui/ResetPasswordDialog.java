package com.mediscan.account.ui;

import com.mediscan.account.domain.UserAccount;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.base.ui.FormDialog;
import com.mediscan.base.ui.Notices;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;

/** Gives an account a temporary password, which its owner must replace at the next sign-in. */
class ResetPasswordDialog extends FormDialog {

    final PasswordField temporaryPassword = new PasswordField("Temporary password");
    private final AccountAdministration administration;
    private final UserAccount account;

    ResetPasswordDialog(AccountAdministration administration, UserAccount account) {
        super("Reset password", "Reset password");
        this.administration = administration;
        this.account = account;
        temporaryPassword.setWidthFull();
        fieldFor(AccountAdministration.TEMPORARY_PASSWORD, temporaryPassword);
        add(new Paragraph("Give " + account.getFullName() + " (" + account.getEmail() + ") a temporary password. "
                + "They must choose a new one at their next sign-in."), temporaryPassword, formError);
    }

    @Override
    protected boolean submit() {
        if (temporaryPassword.isEmpty()) {
            temporaryPassword.setErrorMessage("Enter a temporary password.");
            temporaryPassword.setInvalid(true);
            return false;
        }
        administration.resetPassword(account.getId(), temporaryPassword.getValue());
        Notices.success("Password reset. Tell " + account.getFullName() + " the temporary password in person or by phone.");
        return true;
    }
}
