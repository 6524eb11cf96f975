package com.mediscan.account.ui;

import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The clinic's patients: create, edit, password reset, deactivate (never delete). */
@Route("admin/patients")
@PageTitle("Patients · Administration · MediScan")
@RolesAllowed(Roles.ADMIN)
public class PatientsAdminView extends VerticalLayout {

    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    final TextField search = new TextField("Search");
    final Button create = new Button("New patient", VaadinIcon.PLUS.create());
    final Grid<PatientProfile> grid = new Grid<>();

    private final AccountAdministration administration;
    private final Clock clock;

    public PatientsAdminView(AccountAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
        addClassNames("patients-admin-view", "view-content");

        search.setPlaceholder("Name, email or phone");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> new PatientDialog(administration, null, clock, grid.getDataProvider()::refreshAll).open());

        grid.addColumn(PatientProfile::getDisplayName).setHeader("Name").setKey("name").setSortProperty("account.fullName").setAutoWidth(true);
        grid.addColumn(patient -> patient.getAccount().getEmail()).setHeader("Email").setKey("email").setSortProperty("account.email").setAutoWidth(true);
        grid.addColumn(patient -> BIRTH_DATE.format(patient.getDateOfBirth())).setHeader("Date of birth").setKey("dateOfBirth")
                .setSortProperty("dateOfBirth").setAutoWidth(true);
        grid.addColumn(PatientProfile::getPhone).setHeader("Phone").setKey("phone").setSortProperty("phone").setAutoWidth(true);
        grid.addColumn(patient -> AccountStatus.of(patient.getAccount())).setHeader("Status").setKey("status")
                .setSortProperty("account.active").setAutoWidth(true);
        grid.addComponentColumn(this::actionsFor).setHeader("Actions").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> administration.findPatients(search.getValue(), pageable),
                pageable -> (int) administration.countPatients(search.getValue()));
        grid.setEmptyStateText("No patients match this search.");

        HorizontalLayout toolbar = new HorizontalLayout(search, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        add(new H2("Patients"), toolbar, grid);
    }

    private HorizontalLayout actionsFor(PatientProfile patient) {
        Runnable refresh = grid.getDataProvider()::refreshAll;
        HorizontalLayout actions = AccountStatus.rowActions(
                AccountStatus.action("Edit", () -> new PatientDialog(administration, patient, clock, refresh).open()),
                AccountStatus.action("Reset password", () -> new ResetPasswordDialog(administration, patient.getAccount()).open()));
        actions.add(AccountStatus.activationToggle(administration, patient.getAccount(), refresh));
        return actions;
    }
}
