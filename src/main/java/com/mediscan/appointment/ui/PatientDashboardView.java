package com.mediscan.appointment.ui;

import com.mediscan.security.Roles;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("patient")
@PageTitle("My dashboard · MediScan")
@RolesAllowed(Roles.PATIENT)
public class PatientDashboardView extends VerticalLayout {

    public PatientDashboardView() {
        addClassName("patient-dashboard-view");
        add(new H2("Upcoming appointments"));
    }
}
