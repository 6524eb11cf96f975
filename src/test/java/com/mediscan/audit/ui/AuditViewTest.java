package com.mediscan.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.vaadin.flow.component.UI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditViewTest extends KaribuTest {

    @Autowired
    AuditService audit;
    @Autowired
    AuditEventRepository events;

    private String marker;
    private AuditView view;

    @BeforeEach
    void openAsAdministrator() {
        marker = "view-" + UUID.randomUUID() + "@example.com";
        audit.recordFor(null, marker, AuditAction.SIGN_IN, AuditOutcome.DENIED, AuditService.Subject.none(), "BadCredentialsException");
        audit.recordFor(5L, marker, AuditAction.SIGN_IN, AuditOutcome.ALLOWED, AuditService.Subject.none(), null);
        signIn(DemoUsers.ADMIN);
        UI.getCurrent().navigate("admin/audit");
        view = _get(AuditView.class);
    }

    @Test
    void filtersNarrowTheLazyGrid() {
        assertThat(GridKt._size(view.grid)).isGreaterThanOrEqualTo(2);

        view.user.setValue(marker);
        assertThat(GridKt._size(view.grid)).isEqualTo(2);

        view.outcome.setValue(AuditOutcome.DENIED);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view.grid, GridKt._get(view.grid, 0)))
                .contains(marker, "SIGN_IN", "DENIED", "BadCredentialsException");

        view.outcome.clear();
        view.action.setValue(AuditAction.SESSION_TIMEOUT);
        assertThat(GridKt._size(view.grid)).isZero();

        view.action.clear();
        view.from.setValue(LocalDate.now().plusDays(2));
        assertThat(GridKt._size(view.grid)).isZero();
    }

    @Test
    void anEndBeforeTheStartIsExplainedAndKeepsThePreviousRows() {
        view.user.setValue(marker);
        view.from.setValue(LocalDate.now());
        view.to.setValue(LocalDate.now().minusDays(3));
        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("The end date cannot be before the start date.");
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        assertThat(view.to.getValue()).as("what was typed stays").isEqualTo(LocalDate.now().minusDays(3));
    }

    @Test
    void exportsTheFilteredRowsAsCsv() {
        view.user.setValue(marker);
        String csv = new String(DownloadKt._download(view.export), StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(3).anyMatch(line -> line.contains(marker + ",SIGN_IN,DENIED"));
        assertThat(events.findByActorEmailOrderByIdAsc(DemoUsers.ADMIN).getLast().getAction()).isEqualTo(AuditAction.AUDIT_EXPORTED);
    }

    @Test
    void theAdministratorsNavigationLeadsHere() {
        assertThat(_get(com.vaadin.flow.component.sidenav.SideNav.class).getItems())
                .extracting(com.vaadin.flow.component.sidenav.SideNavItem::getPath)
                .contains("admin", "admin/audit", "change-password");
    }
}
