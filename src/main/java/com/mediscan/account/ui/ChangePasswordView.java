package com.mediscan.account.ui;

import com.mediscan.account.service.AccountService;
import com.mediscan.account.service.PasswordPolicy;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.security.CurrentUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Everyone may change their own password; after an administrator's reset, everyone must. */
@Route("change-password")
@PageTitle("Change password · MediScan")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    public static final String ROUTE = "change-password";

    final Paragraph forcedNotice = new Paragraph("An administrator reset your password. Choose a new one to continue.");
    final PasswordField currentPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeatPassword = new PasswordField("Repeat new password");
    final Button change = new Button("Change password");

    private final AccountService accountService;

    public ChangePasswordView(AccountService accountService, CurrentUser currentUser) {
        this.accountService = accountService;
        addClassName("change-password-view");
        setMaxWidth("32rem");

        forcedNotice.addClassName("forced-notice");
        forcedNotice.setVisible(accountService.mustChangePassword(currentUser.require().accountId()));
        currentPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        newPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeatPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        newPassword.setHelperText("At least " + PasswordPolicy.MIN_LENGTH
                + " characters and not a commonly used password. A few unrelated words make a good one.");
        for (PasswordField field : new PasswordField[] {currentPassword, newPassword, repeatPassword}) {
            field.setWidthFull();
            field.setRequired(true);
        }
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(click -> changePassword());
        add(new H2("Change password"), forcedNotice, currentPassword, newPassword, repeatPassword, change);
    }

    private void changePassword() {
        currentPassword.setInvalid(false);
        newPassword.setInvalid(false);
        repeatPassword.setInvalid(false);
        if (!newPassword.getValue().equals(repeatPassword.getValue())) {
            showError(repeatPassword, "The two new passwords differ.");
            return;
        }
        try {
            accountService.changeOwnPassword(currentPassword.getValue(), newPassword.getValue());
        } catch (BusinessRuleException refused) {
            showError(refused.getMessage().startsWith("Your current password") ? currentPassword : newPassword, refused.getMessage());
            return;
        }
        Notification.show("Your password was changed.", 4000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        UI.getCurrent().navigate("");
    }

    private static void showError(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
