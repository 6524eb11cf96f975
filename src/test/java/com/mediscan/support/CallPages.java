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

    /** Waits until every page says its call is connected. */
    public static void connected(Page... pages) {
        for (Page page : pages) {
            assertThat(status(page)).hasText("Connected");
        }
    }
}
