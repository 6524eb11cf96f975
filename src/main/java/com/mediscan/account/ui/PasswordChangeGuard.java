package com.mediscan.account.ui;

import com.mediscan.account.service.AccountService;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.LoginView;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** While an account must change its password (after an administrator's reset), every view leads to the change. */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final AccountService accountService;
    private final CurrentUser currentUser;

    PasswordChangeGuard(AccountService accountService, CurrentUser currentUser) {
        this.accountService = accountService;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::redirectWhileChangeIsDue));
    }

    void redirectWhileChangeIsDue(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == ChangePasswordView.class || target == LoginView.class || event.isErrorEvent()) {
            return;
        }
        currentUser.find()
                .filter(user -> accountService.mustChangePassword(user.accountId()))
                .ifPresent(user -> event.forwardTo(ChangePasswordView.class));
    }
}
