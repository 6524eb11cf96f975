package com.mediscan.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Drives the doctor's prescription form by its accessible labels, wherever it is shown. */
public final class PrescriptionForm {

    private PrescriptionForm() {
    }

    /** Fills medication row {@code position} (1-based) with a medicine from the formulary, whose route it fills in. */
    public static void medication(Page page, int position, String medicine, String route, String dose, String frequency,
                                  String duration, String directions) {
        Locator row = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Medication " + position).setExact(true));
        Locator name = row.getByLabel("Medicine");
        name.fill(medicine);
        name.press("Enter");
        row.getByLabel("Dose").fill(dose);
        Locator often = row.getByLabel("Frequency");
        often.fill(frequency);
        often.press("Enter");
        row.getByLabel("Duration").fill(duration);
        row.getByLabel("Directions").fill(directions);
        assertThat(row.getByLabel("Route")).hasValue(route);
    }
}
