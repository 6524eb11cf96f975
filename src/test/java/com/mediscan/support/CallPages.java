package com.mediscan.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** What browser tests read and press on the consultation page, by the names DESIGN.md fixes. */
public final class CallPages {

    private CallPages() {
    }

    public static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * Passes the patient's check-in on the consultation page, as far as it is asked: "I agree" to the
     * telehealth consent when shown, then "Date of birth", a place for "Where are you now?" (India,
     * Maharashtra) and "Check in". Returns when the check before joining ("Join now") shows, so on a
     * doctor's page, or once checked in, it does nothing but wait for that.
     */
    public static void checkInIfAsked(Page page, String dateOfBirth) {
        Locator agree = button(page, "I agree");
        Locator dateOfBirthField = page.getByLabel("Date of birth", new Page.GetByLabelOptions().setExact(true));
        Locator joinNow = button(page, "Join now");
        assertThat(agree.or(dateOfBirthField).or(joinNow).first()).isVisible();
        if (agree.isVisible()) {
            agree.click();
        }
        if (joinNow.isVisible()) {
            return;
        }
        dateOfBirthField.fill(dateOfBirth);
        dateOfBirthField.press("Enter");
        Locator place = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Where are you now?"));
        choose(page, place, "Country", "India");
        choose(page, place, "State or region", "Maharashtra");
        button(page, "Check in").click();
        assertThat(joinNow).isVisible();
    }

    /** Types into the combo box named {@code label} inside {@code container} and picks {@code item} from its list. */
    public static void choose(Page page, Locator container, String label, String item) {
        Locator field = container.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName(label).setExact(true));
        field.fill(item);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(item).setExact(true)).click();
        assertThat(field).hasValue(item);
    }

    public static Locator status(Page page) {
        return page.locator(".connection-status");
    }

    /** Video frames the page's call has decoded from the other participant so far. */
    public static long framesDecoded(Page page) {
        return ((Number) page.evaluate("""
                async () => {
                  let frames = 0;
                  const pc = document.querySelector('mediscan-call')?.peerConnection;
                  if (pc) (await pc.getStats()).forEach(report => {
                    if (report.type === 'inbound-rtp' && report.kind === 'video') frames = report.framesDecoded ?? 0;
                  });
                  return frames;
                }""")).longValue();
    }

    /** Fails unless the page decodes new video frames of the other participant within 10 s. */
    public static void framesKeepArriving(Page page) {
        long before = framesDecoded(page);
        for (int attempt = 0; attempt < 40; attempt++) {
            page.waitForTimeout(250);
            if (framesDecoded(page) > before) {
                return;
            }
        }
        throw new AssertionError("No new video frames decoded in 10 s");
    }

    public static Locator chatInput(Page page) {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Message"));
    }

    public static Locator chatMessages(Page page) {
        return page.locator("vaadin-message-list vaadin-message");
    }

    /** Waits until every page says its call is connected. */
    public static void connected(Page... pages) {
        for (Page page : pages) {
            assertThat(status(page)).hasText("Connected");
        }
    }
}
