package com.mediscan.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.mediscan.account.domain.Role;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.MovableClockTest;
import com.vaadin.flow.component.UI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every navigation entry of a role leads to a view that role may open. */
@MovableClockTest
class NavigationEntriesTest extends KaribuTest {

    private static final Map<Role, String> SOMEONE_IN = Map.of(
            Role.DOCTOR, DemoUsers.SNEHA, Role.PATIENT, DemoUsers.KRIYA, Role.ADMIN, DemoUsers.ADMIN);

    @Test
    void eachRoleHasItsEntries() {
        assertThat(MainLayout.entriesFor(Role.PATIENT)).extracting(MainLayout.NavEntry::label)
                .contains("Dashboard", "My appointments", "Book an appointment");
        assertThat(MainLayout.entriesFor(Role.ADMIN)).extracting(MainLayout.NavEntry::path)
                .contains("admin", "admin/doctors", "admin/patients", "admin/appointments");
    }

    @Test
    void everyEntryOpensForItsRole() {
        for (Role role : Role.values()) {
            signIn(SOMEONE_IN.get(role));
            for (MainLayout.NavEntry entry : MainLayout.entriesFor(role)) {
                UI.getCurrent().navigate(entry.path());
                assertThat(NavigatorKt.getCurrentPath()).as(role + " → " + entry.label()).isEqualTo(entry.path());
                assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                        .as(role + " → " + entry.label()).noneMatch(NotAvailableView.class::isInstance);
            }
        }
    }
}
