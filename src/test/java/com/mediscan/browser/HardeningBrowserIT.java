package com.mediscan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.security.SecurityHeaders;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The production build in a real Chromium under the Content-Security-Policy: no violation is
 * reported on the sign-in page, a doctor's dashboard or the administrator's audit trail, and
 * the push channel runs over a WebSocket of the page's own origin.
 */
class HardeningBrowserIT extends BrowserTest {

    private static final String COLLECT_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """;

    @Autowired
    AuditEventRepository auditEvents;

    /** A browser profile that reports CSP violations and console errors, and counts push frames. */
    private record Watched(Page page, List<String> problems, AtomicInteger pushFrames) {

        List<String> violations() {
            @SuppressWarnings("unchecked")
            List<String> reported = (List<String>) page.evaluate("() => window.__cspViolations || []");
            List<String> all = new java.util.ArrayList<>(reported);
            all.addAll(problems);
            return all;
        }
    }

    private Watched watchedPerson() {
        Page page = newPerson();
        List<String> problems = new CopyOnWriteArrayList<>();
        AtomicInteger pushFrames = new AtomicInteger();
        page.addInitScript(COLLECT_VIOLATIONS);
        // Failed loads are reported per response below; the browser's own favicon.ico probe is not the page's.
        page.onConsoleMessage(message -> {
            if (("error".equals(message.type()) && !message.text().startsWith("Failed to load resource"))
                    || message.text().contains("Content Security Policy")) {
                problems.add("console " + message.type() + ": " + message.text() + " (" + message.location() + ")");
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                problems.add("HTTP " + response.status() + " for " + response.url());
            }
        });
        page.onWebSocket(socket -> {
            if (socket.url().contains("/VAADIN/push")) {
                socket.onFrameReceived(frame -> pushFrames.incrementAndGet());
                socket.onSocketError(error -> problems.add("push socket error: " + error));
            }
        });
        return new Watched(page, problems, pushFrames);
    }

    private static void signIn(Page page, String email, String password) {
        page.locator("input[name=username]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(target -> !target.contains("/login"));
    }

    @Test
    void signInAndDashboardRunWithoutPolicyViolationsAndPushUsesTheWebSocket() {
        Watched doctor = watchedPerson();
        Response loginPage = doctor.page().navigate(url("/login"));
        assertThat(loginPage.headerValue("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(doctor.page().locator("vaadin-login-form")).isVisible();
        assertThat(doctor.violations()).as("on the sign-in page").isEmpty();

        signIn(doctor.page(), DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        assertThat(doctor.page()).hasURL(Pattern.compile(".*/doctor$"));
        assertThat(doctor.page().getByText("Dr. Rajesh Patel")).isVisible();
        doctor.page().waitForCondition(() -> doctor.pushFrames().get() > 0);
        assertThat(doctor.violations()).as("on the doctor's dashboard").isEmpty();
    }

    @Test
    void administratorExportsTheAuditTrailAndSignsOutUnderThePolicy() throws Exception {
        Watched admin = watchedPerson();
        admin.page().navigate(url("/login"));
        signIn(admin.page(), DemoUsers.ADMIN, DemoUsers.ADMIN_PASSWORD);
        admin.page().navigate(url("/admin/audit"));
        assertThat(admin.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit trail"))).isVisible();
        assertThat(admin.page().locator("vaadin-grid")).isVisible();

        Download download = admin.page().waitForDownload(() -> admin.page().getByText("Export CSV").click());
        String csv = Files.readString(download.path());
        assertThat(csv).startsWith("\uFEFFid,occurred_at_utc,actor_account_id,actor_email,action,outcome");
        assertThat(download.suggestedFilename()).matches("mediscan-audit-\\d{4}-\\d{2}-\\d{2}\\.csv");
        assertThat(admin.violations()).as("on the audit trail").isEmpty();

        admin.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        admin.page().waitForURL(Pattern.compile(".*/login.*").asPredicate()::test);
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.ADMIN))
                .extracting(event -> event.getAction())
                .containsSubsequence(AuditAction.SIGN_IN, AuditAction.AUDIT_EXPORTED, AuditAction.SIGN_OUT);
        admin.page().navigate(url("/admin/audit"));
        assertThat(admin.page()).hasURL(Pattern.compile(".*/login$"));
    }
}
