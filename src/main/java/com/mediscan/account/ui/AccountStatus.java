package com.mediscan.account.ui;

import com.mediscan.account.domain.UserAccount;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** What the administration grids share: an account's status and the buttons in a row. */
final class AccountStatus {

    static final String DEACTIVATE = "Deactivate";
    static final String REACTIVATE = "Reactivate";

    private AccountStatus() {
    }

    static String of(UserAccount account) {
        return account.isActive() ? "Active" : "Deactivated";
    }

    static Button action(String label, Runnable onClick) {
        Button button = new Button(label, click -> onClick.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    static HorizontalLayout rowActions(Button... buttons) {
        HorizontalLayout actions = new HorizontalLayout(buttons);
        actions.setSpacing(false);
        actions.addClassName("row-actions");
        return actions;
    }

    /** Deactivating keeps the person's appointments and records; it only stops them signing in. */
    static Button activationToggle(AccountAdministration administration, UserAccount account, Runnable refresh) {
        boolean active = account.isActive();
        Button toggle = action(active ? DEACTIVATE : REACTIVATE, () -> {
            try {
                if (active) {
                    administration.deactivate(account.getId());
                    Notices.success(account.getFullName() + " can no longer sign in. Their appointments and records are kept.");
                } else {
                    administration.reactivate(account.getId());
                    Notices.success(account.getFullName() + " can sign in again.");
                }
            } catch (BusinessRuleException | NotFoundOrDeniedException refused) {
                Notices.problem(refused.getMessage());
            }
            refresh.run();
        });
        if (active) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return toggle;
    }
}
