package com.mediscan.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The header's "Sign out" goes through Spring Security's logout handlers, which record it. */
class SignOutAuditTest extends KaribuTest {

    @Autowired
    AuditEventRepository auditEvents;

    @Test
    void signingOutIsRecorded() {
        signIn(DemoUsers.RAJESH);
        UI.getCurrent().navigate("doctor");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Sign out")));
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.RAJESH).getLast()).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo(AuditAction.SIGN_OUT);
            assertThat(event.getOutcome()).isEqualTo(AuditOutcome.ALLOWED);
            assertThat(event.getActorAccountId()).isNotNull();
        });
    }
}
