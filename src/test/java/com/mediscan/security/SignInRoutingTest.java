package com.mediscan.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.mediscan.account.ui.AdminHomeView;
import com.mediscan.appointment.ui.DoctorDashboardView;
import com.mediscan.appointment.ui.PatientDashboardView;
import com.mediscan.base.ui.MainLayout;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

class SignInRoutingTest extends KaribuTest {

    @Test
    void anonymousVisitorIsSentToSignIn() {
        UI.getCurrent().navigate("doctor");
        _assertOne(LoginView.class);
    }

    @Test
    void doctorLandsOnDoctorDashboard() {
        signIn(DemoUsers.RAJESH);
        UI.getCurrent().navigate("");
        _assertOne(DoctorDashboardView.class);
        assertThat(_get(Span.class, spec -> spec.withClasses("user-name")).getText()).isEqualTo("Dr. Rajesh Patel");
    }

    @Test
    void patientLandsOnPatientDashboard() {
        signIn(DemoUsers.KRIYA);
        UI.getCurrent().navigate("");
        _assertOne(PatientDashboardView.class);
        _assertOne(MainLayout.class);
    }

    @Test
    void adminLandsOnAdministration() {
        signIn(DemoUsers.ADMIN);
        UI.getCurrent().navigate("");
        _assertOne(AdminHomeView.class);
    }

    @Test
    void patientOpeningAdminAreaIsRefused() {
        signIn(DemoUsers.KRIYA);
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin")).isInstanceOf(MockAccessDeniedException.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(AdminHomeView.class::isInstance);
    }

    @Test
    void doctorOpeningPatientDashboardIsRefused() {
        signIn(DemoUsers.SNEHA);
        assertThatThrownBy(() -> UI.getCurrent().navigate("patient")).isInstanceOf(MockAccessDeniedException.class);
    }
}
