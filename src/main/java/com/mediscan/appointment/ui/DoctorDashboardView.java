package com.mediscan.appointment.ui;

import com.mediscan.security.Roles;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("doctor")
@PageTitle("Doctor dashboard · MediScan")
@RolesAllowed(Roles.DOCTOR)
public class DoctorDashboardView extends VerticalLayout {

    public DoctorDashboardView() {
        addClassName("doctor-dashboard-view");
        add(new H2("Today's Appointments"));
    }
}
