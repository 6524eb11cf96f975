package com.mediscan.account.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.account.service.AccountService;
import com.mediscan.appointment.ui.PatientDashboardView;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordChangeTest extends KaribuTest {

    private static final String TEMPORARY = "temporary-Meadow-7421";

    @Autowired
    AccountService accountService;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    PasswordEncoder passwordEncoder;

    private String email;
    private long accountId;

    @BeforeEach
    void aPatientWhosePasswordAnAdministratorReset() {
        email = "reset-" + UUID.randomUUID() + "@example.com";
        accountId = accountService.createPatient(email, "Meera Iyer", "first-Lantern-Orbit-19", LocalDate.of(1990, 1, 2), null)
                .getAccount().getId();
        actAs(userDetailsService(), DemoUsers.ADMIN);
        accountService.resetPassword(accountId, TEMPORARY);
        SecurityContextHolder.clearContext();
    }

    private org.springframework.security.core.userdetails.UserDetailsService userDetailsService() {
        return applicationContext.getBean(org.springframework.security.core.userdetails.UserDetailsService.class);
    }

    @Test
    void everyViewLeadsToTheChangeUntilItIsDone() {
        signIn(email);
        UI.getCurrent().navigate("patient");
        ChangePasswordView view = _get(ChangePasswordView.class);
        assertThat(view.forcedNotice.isVisible()).isTrue();
        UI.getCurrent().navigate("");
        _assertOne(ChangePasswordView.class);

        fill(view, "not-the-temporary-one", "calm-Harbor-Violin-88", "calm-Harbor-Violin-88");
        assertThat(view.currentPassword.isInvalid()).isTrue();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("Your current password is not correct.");

        fill(view, TEMPORARY, "calm-Harbor-Violin-88", "calm-Harbor-Violin-89");
        assertThat(view.repeatPassword.getErrorMessage()).isEqualTo("The two new passwords differ.");

        fill(view, TEMPORARY, "qwerty123456", "qwerty123456");
        assertThat(view.newPassword.isInvalid()).isTrue();
        assertThat(view.newPassword.getErrorMessage()).contains("commonly used passwords");
        assertThat(view.newPassword.getValue()).as("nothing typed is lost").isEqualTo("qwerty123456");

        fill(view, TEMPORARY, "calm-Harbor-Violin-88", "calm-Harbor-Violin-88");
        _assertOne(PatientDashboardView.class);
        assertThat(accountService.mustChangePassword(accountId)).isFalse();
        assertThat(passwordEncoder.matches("calm-Harbor-Violin-88", accounts.findById(accountId).orElseThrow().getPasswordHash())).isTrue();
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(email)).extracting(e -> e.getOutcome() + " " + e.getDetail())
                .containsSubsequence("DENIED password change: wrong current password", "ALLOWED password changed");
    }

    @Test
    void theResetItselfIsForAdministratorsAndFollowsThePolicy() {
        actAs(userDetailsService(), DemoUsers.ADMIN);
        assertThatThrownBy(() -> accountService.resetPassword(accountId, "short")).isInstanceOf(BusinessRuleException.class);
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.ADMIN))
                .anyMatch(e -> e.getAction() == AuditAction.ACCOUNT_CHANGED && e.getOutcome() == AuditOutcome.ALLOWED
                        && Long.valueOf(accountId).equals(e.getRecordId()) && Long.valueOf(accountId).equals(e.getPatientAccountId()));

        actAs(userDetailsService(), DemoUsers.RAJESH);
        assertThatThrownBy(() -> accountService.resetPassword(accountId, TEMPORARY)).isInstanceOf(NotFoundOrDeniedException.class);
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.RAJESH).getLast()).satisfies(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.ACCOUNT_CHANGED);
            assertThat(e.getOutcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(e.getRecordId()).isEqualTo(accountId);
        });
    }

    @Test
    void newAccountsFollowThePolicyButTheDemoSeedKeepsItsPublishedPasswords() {
        assertThatThrownBy(() -> accountService.createPatient("short-" + UUID.randomUUID() + "@example.com", "Short Password",
                "patient123", LocalDate.of(1990, 1, 2), null))
                .isInstanceOf(BusinessRuleException.class).hasMessage("A password needs at least 12 characters.");
        assertThat(passwordEncoder.matches(DemoUsers.PATIENT_PASSWORD,
                accounts.findByEmail(DemoUsers.KRIYA).orElseThrow().getPasswordHash())).isTrue();
    }

    private static void fill(ChangePasswordView view, String current, String newPassword, String repeat) {
        view.currentPassword.setValue(current);
        view.newPassword.setValue(newPassword);
        view.repeatPassword.setValue(repeat);
        ButtonKt._click(view.change);
    }
}
