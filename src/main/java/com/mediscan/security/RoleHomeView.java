package com.mediscan.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The address people land on after sign-in: sends each role to its own home. */
@Route(value = "", autoLayout = false)
@PermitAll
public class RoleHomeView extends Div implements BeforeEnterObserver {

    public static final String DOCTOR_HOME = "doctor";
    public static final String PATIENT_HOME = "patient";
    public static final String ADMIN_HOME = "admin";

    private final CurrentUser currentUser;

    public RoleHomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(homeOf(currentUser.require()));
    }

    public static String homeOf(SignedInUser user) {
        return switch (user.role()) {
            case DOCTOR -> DOCTOR_HOME;
            case PATIENT -> PATIENT_HOME;
            case ADMIN -> ADMIN_HOME;
        };
    }
}
