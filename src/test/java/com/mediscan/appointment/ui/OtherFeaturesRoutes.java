package com.mediscan.appointment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.PermitAll;

/**
 * The consultation ("video-consultation/{id}") and the patient's record ("records/{id}") are
 * other features' views. Where they are not on the classpath, a stand-in answers their routes
 * for this session, so a test can see that a button leads there; where they are, the real view opens.
 */
final class OtherFeaturesRoutes {

    private OtherFeaturesRoutes() {
    }

    @PermitAll
    static final class StandIn extends Div {
    }

    static void standInWhereMissing() {
        standIn(CallButton.CONSULTATION_ROUTE + ":appointmentId", CallButton.CONSULTATION_ROUTE + "1");
        standIn(DoctorDashboardView.RECORD_ROUTE + ":appointmentId", DoctorDashboardView.RECORD_ROUTE + "1");
    }

    private static void standIn(String template, String example) {
        if (RouteConfiguration.forApplicationScope().getRoute(example).isEmpty()) {
            RouteConfiguration.forSessionScope().setRoute(template, StandIn.class);
        }
    }
}
