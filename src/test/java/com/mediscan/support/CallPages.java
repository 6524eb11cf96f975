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
