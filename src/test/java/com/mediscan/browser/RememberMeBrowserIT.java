package com.mediscan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remember-me, as a node's death needs it: a page whose session is gone (its node died) signs in
 * again from the shared database without a password, also two tabs at once; signing out, or a
 * sign-in unused for the idle timeout, ends it.
 */
class RememberMeBrowserIT extends BrowserTest {

    private static final Pattern HOME = Pattern.compile(".*/patient$");
    private static final Pattern LOGIN = Pattern.compile(".*/login$");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSignInOutlivesItsSessionInTwoTabsAtOnceUntilSignOut() {
        Page first = signedIn(DemoUsers.ARJUN, DemoUsers.PATIENT_PASSWORD);
        assertThat(first).hasURL(HOME);
        Cookie remembered = rememberMeCookie(first.context());
        assertThat(remembered.httpOnly).isTrue();
        String[] seriesAndToken = seriesAndToken(remembered);
        String series = seriesAndToken[0];
        String storedToken = storedToken(series);
        assertThat(storedToken).as("only a hash of the token is stored").isNotEqualTo(seriesAndToken[1]);

        // The node holding the session is gone: the browser's session id means nothing any more.
        Page second = first.context().newPage();
        first.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
        first.evaluate("() => setTimeout(() => location.reload(), 0)");
        second.navigate(url("/patient"));
        for (Page tab : List.of(first, second)) {
            tab.waitForLoadState();
            assertThat(tab).hasURL(HOME);
            assertThat(signOut(tab)).isVisible();
        }
        assertThat(storedToken(series)).as("the sign-in is neither rotated away nor removed").isEqualTo(storedToken);

        signOut(second).click();
        second.waitForURL(LOGIN.asPredicate()::test);
        assertThat(jdbc.queryForObject("select count(*) from persistent_logins where series = ?", Integer.class, series)).isZero();
        Page stolenCookie = newPerson();
        stolenCookie.context().addCookies(List.of(remembered));
        stolenCookie.navigate(url("/patient"));
        assertThat(stolenCookie).hasURL(LOGIN);
    }

    @Test
    void aSignInUnusedForTheIdleTimeoutIsNotHonoured() {
        Page page = signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        jdbc.update("update persistent_logins set last_used = last_used - interval '16' minute where series = ?",
                seriesAndToken(rememberMeCookie(page.context()))[0]);
        page.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
        page.navigate(url("/patient"));
        assertThat(page).hasURL(LOGIN);
    }

    /** Spring Security's cookie: base64 of the URL-encoded series and token, joined by a colon. */
    private static String[] seriesAndToken(Cookie rememberMe) {
        return Arrays.stream(new String(Base64.getDecoder().decode(rememberMe.value), StandardCharsets.UTF_8).split(":"))
                .map(part -> URLDecoder.decode(part, StandardCharsets.UTF_8)).toArray(String[]::new);
    }

    private String storedToken(String series) {
        return jdbc.queryForObject("select token from persistent_logins where series = ?", String.class, series);
    }

    private static Cookie rememberMeCookie(BrowserContext context) {
        return context.cookies().stream().filter(cookie -> cookie.name.equals("remember-me")).findFirst()
                .orElseThrow(() -> new AssertionError("no remember-me cookie after signing in"));
    }

    private static com.microsoft.playwright.Locator signOut(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"));
    }
}
