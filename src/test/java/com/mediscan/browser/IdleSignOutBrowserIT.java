package com.mediscan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The idle sign-out end to end, with the idle time shortened to seconds. */
@TestPropertySource(properties = {
        "mediscan.session.idle-timeout=PT16S",
        "mediscan.session.idle-warning=PT8S"})
class IdleSignOutBrowserIT extends BrowserTest {

    private static final double PATIENCE_MS = 45_000;

    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void warnsThenSignsOutAnIdlePersonAndRecordsTheTimeout() {
        Page patient = signedIn(DemoUsers.ARJUN, DemoUsers.PATIENT_PASSWORD);
        Locator stay = patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in"));

        assertThat(stay).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
        assertThat(patient.getByText("Still there?")).isVisible();
        stay.click();
        assertThat(stay).isHidden();
        assertThat(patient).hasURL(Pattern.compile(".*/patient$"));

        assertThat(stay).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
        patient.waitForURL(Pattern.compile(".*/login.*").asPredicate()::test, new Page.WaitForURLOptions().setTimeout(PATIENCE_MS));

        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.ARJUN).getLast()).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo(AuditAction.SESSION_TIMEOUT);
            assertThat(event.getDetail()).isEqualTo("signed out after 16 seconds without activity");
        });
        // The browser still holds its remember-me cookie: only its removal keeps the person signed out.
        assertThat(jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Integer.class, DemoUsers.ARJUN))
                .isZero();
        patient.navigate(url("/patient"));
        assertThat(patient).hasURL(Pattern.compile(".*/login$"));
    }
}
