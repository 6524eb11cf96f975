package com.mediscan.account.ui;

import com.mediscan.security.Roles;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("admin")
@PageTitle("Administration · MediScan")
@RolesAllowed(Roles.ADMIN)
public class AdminHomeView extends VerticalLayout {

    public AdminHomeView() {
        addClassName("admin-home-view");
        add(new H2("Administration"), new Paragraph("Manage doctors, patients and the clinic's schedule."));
    }
}
