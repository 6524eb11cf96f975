package com.mediscan.base.ui;

import com.mediscan.account.domain.Role;
import com.mediscan.security.SignedInUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.stream.Stream;

/** The frame around every signed-in view: brand, navigation for the user's role, name and sign-out. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    record NavEntry(String label, String path, VaadinIcon icon) {
    }

    final SideNav navigation = new SideNav();
    final Span userName = new Span();
    final Button signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT));

    public MainLayout(AuthenticationContext authentication) {
        addClassName("main-layout");
        setPrimarySection(Section.DRAWER);

        Span brand = new Span("MediScan");
        brand.addClassName("brand");
        Icon logo = VaadinIcon.HEART_O.create();
        logo.addClassName("brand-logo");

        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setAriaLabel("Sign out");
        signOut.addClickListener(click -> authentication.logout());
        userName.addClassName("user-name");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), userName, signOut);
        header.addClassName("app-header");
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(userName);
        addToNavbar(header);

        Div drawerBrand = new Div(logo, brand);
        drawerBrand.addClassName("drawer-brand");
        addToDrawer(drawerBrand, navigation);

        authentication.getAuthenticatedUser(SignedInUser.class).ifPresent(user -> {
            userName.setText(user.displayName());
            entriesFor(user.role()).forEach(entry ->
                    navigation.addItem(new SideNavItem(entry.label(), entry.path(), entry.icon().create())));
        });
    }

    static List<NavEntry> entriesFor(Role role) {
        List<NavEntry> home = switch (role) {
            case DOCTOR -> List.of(new NavEntry("Dashboard", "doctor", VaadinIcon.DASHBOARD));
            case PATIENT -> List.of(new NavEntry("Dashboard", "patient", VaadinIcon.DASHBOARD),
                    new NavEntry("My appointments", "patient/appointments", VaadinIcon.CALENDAR),
                    new NavEntry("Book an appointment", "patient/book", VaadinIcon.CALENDAR_CLOCK),
                    new NavEntry("My Records", "records", VaadinIcon.FILE_TEXT_O));
            case ADMIN -> List.of(new NavEntry("Administration", "admin", VaadinIcon.COG),
                    new NavEntry("Doctors", "admin/doctors", VaadinIcon.DOCTOR),
                    new NavEntry("Patients", "admin/patients", VaadinIcon.USERS),
                    new NavEntry("Appointments", "admin/appointments", VaadinIcon.CALENDAR),
                    new NavEntry("Telehealth consent", "admin/consent", VaadinIcon.CHECK_SQUARE_O),
                    new NavEntry("Audit trail", "admin/audit", VaadinIcon.RECORDS));
        };
        return Stream.concat(home.stream(), Stream.of(new NavEntry("Change password", "change-password", VaadinIcon.KEY))).toList();
    }
}
