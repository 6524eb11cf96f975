package com.mediscan.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The idle watcher on a real UI, its session's last activity set back instead of waiting. */
class IdleSessionWatcherTest extends KaribuTest {

    @Autowired
    IdleSessionWatcher watcher;
    @Autowired
    AuditEventRepository auditEvents;

    private VaadinSession session;

    @BeforeEach
    void signedInOnTheDashboard() {
        signIn(DemoUsers.SNEHA);
        UI.getCurrent().navigate("doctor");
        session = VaadinSession.getCurrent();
    }

    private void idleFor(Duration idle) {
        session.setLastRequestTimestamp(Instant.now().minus(idle).toEpochMilli());
    }

    @Test
    void noWarningWhileThePersonIsActive() {
        idleFor(Duration.ofMinutes(13));
        watcher.check(UI.getCurrent());
        _assertNone(IdleWarningDialog.class);
    }

    @Test
    void aWindowIsLookedAtAgainOnlyWhenItsWarningOrItsRememberMeRenewalIsDue() {
        idleFor(Duration.ofMinutes(13));
        Instant lastActivity = Instant.ofEpochMilli(session.getLastRequestTimestamp());
        watcher.check(UI.getCurrent());
        assertThat(watcher.nextLookAt(UI.getCurrent())).as("when the warning is due")
                .isCloseTo(lastActivity.plus(Duration.ofMinutes(14)), within(1, ChronoUnit.SECONDS));

        idleFor(Duration.ofSeconds(20));
        watcher.check(UI.getCurrent());
        assertThat(watcher.nextLookAt(UI.getCurrent())).as("the remember-me renewal comes first")
                .isCloseTo(Instant.now().plus(IdleSessionWatcher.RENEWAL), within(1, ChronoUnit.SECONDS));

        idleFor(Duration.ofMinutes(14).plusSeconds(10));
        lastActivity = Instant.ofEpochMilli(session.getLastRequestTimestamp());
        watcher.check(UI.getCurrent());
        assertThat(watcher.nextLookAt(UI.getCurrent())).as("the sign-out, while warned")
                .isCloseTo(lastActivity.plus(Duration.ofMinutes(15)), within(1, ChronoUnit.SECONDS));

        IdleSessionWatcher.stateOf(session).warnedFor = Instant.now().minus(Duration.ofMinutes(16));
        watcher.check(UI.getCurrent());
        assertThat(watcher.nextLookAt(UI.getCurrent())).as("signed out: nothing more to look at").isNull();
    }

    @Test
    void warnsAMinuteBeforeAndStayingSignedInStartsTheTimeAgain() {
        idleFor(Duration.ofMinutes(14).plusSeconds(10));
        watcher.check(UI.getCurrent());
        IdleWarningDialog dialog = _get(IdleWarningDialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Still there?");
        assertThat(dialog.message.getText()).contains("You will be signed out at");

        idleFor(Duration.ofSeconds(5));
        watcher.check(UI.getCurrent());
        assertThat(_get(IdleWarningDialog.class).isOpened()).as("requests after the warning (the dialog's own) do not count").isTrue();

        ButtonKt._click(_get(Button.class, spec -> spec.withText("Stay signed in")));
        _assertNone(IdleWarningDialog.class);
        assertThat(Instant.ofEpochMilli(session.getLastRequestTimestamp())).isAfter(Instant.now().minusSeconds(5));
        watcher.check(UI.getCurrent());
        _assertNone(IdleWarningDialog.class);
    }

    @Test
    void neverDuringAConnectedCallAndVaadinSeesTheSessionAsActive() {
        session.setAttribute(SessionAttributes.CALL_ACTIVE, Boolean.TRUE);
        idleFor(Duration.ofMinutes(40));
        watcher.check(UI.getCurrent());
        _assertNone(IdleWarningDialog.class);
        assertThat(Instant.ofEpochMilli(session.getLastRequestTimestamp())).isAfter(Instant.now().minusSeconds(5));
        assertThat(VaadinService.getCurrent().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
        session.setAttribute(SessionAttributes.CALL_ACTIVE, null);
    }

    @Test
    void afterTheTimeoutTheSessionIsSignedOutAndRecordedAsATimeout() {
        long before = auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.SNEHA).size();
        idleFor(Duration.ofMinutes(15).plusSeconds(1));
        watcher.check(UI.getCurrent());
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.SNEHA)).hasSize((int) before + 1).last()
                .satisfies(event -> {
                    assertThat(event.getAction()).isEqualTo(AuditAction.SESSION_TIMEOUT);
                    assertThat(event.getDetail()).isEqualTo("signed out after 15 minutes without activity");
                });
    }
}
