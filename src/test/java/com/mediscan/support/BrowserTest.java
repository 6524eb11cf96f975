package com.mediscan.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real application on a random port, driven by a real Chromium with a fake camera and
 * microphone. Chromium comes from the system (CHROMIUM_PATH, default /usr/bin/chromium):
 * Playwright's own browser download is not possible on these machines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class BrowserTest {

    private static final List<String> CHROMIUM_ARGS = List.of(
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream=device-count=3", "--no-sandbox",
            "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required");

    private static Playwright playwright;
    protected static Browser browser;

    @LocalServerPort
    protected int port;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        // Assertions wait as long as actions do: a cold first page on a busy machine takes over 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            throw new IllegalStateException("Browser tests need Chromium at " + chromium + " (apt-get install chromium, or set CHROMIUM_PATH)");
        }
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(chromium)).setHeadless(true).setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A fresh browser profile (own cookies, own session), as a second person on another computer. */
    protected Page newPerson() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setPermissions(List.of("camera", "microphone"))
                .setViewportSize(1280, 800));
        context.setDefaultTimeout(20_000);
        contexts.add(context);
        return context.newPage();
    }

    protected Page signedIn(String email, String password) {
        return signInOn(newPerson(), email, password);
    }

    /** Signs in on the given page (a fresh profile the test may have prepared, e.g. with a cookie). */
    protected Page signInOn(Page page, String email, String password) {
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(target -> !target.contains("/login"));
        return page;
    }
}
