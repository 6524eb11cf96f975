package com.mediscan.account.ui;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.base.ui.DoctorAdminAction;
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
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/** The clinic's doctors: create, edit, working hours, password reset, deactivate (never delete). */
@Route("admin/doctors")
@PageTitle("Doctors · Administration · MediScan")
@RolesAllowed(Roles.ADMIN)
public class DoctorsAdminView extends VerticalLayout {

    final TextField search = new TextField("Search");
    final Button create = new Button("New doctor", VaadinIcon.PLUS.create());
    final Grid<DoctorProfile> grid = new Grid<>();

    private final AccountAdministration administration;
    private final List<DoctorAdminAction> featureActions;

    public DoctorsAdminView(AccountAdministration administration, ObjectProvider<DoctorAdminAction> featureActions) {
        this.administration = administration;
        this.featureActions = featureActions.orderedStream().toList();
        addClassNames("doctors-admin-view", "view-content");

        search.setPlaceholder("Name, email, specialty or registration");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> new DoctorDialog(administration, null, grid.getDataProvider()::refreshAll).open());

        grid.addColumn(DoctorProfile::getDisplayName).setHeader("Name").setKey("name").setSortProperty("account.fullName").setAutoWidth(true);
        grid.addColumn(doctor -> doctor.getAccount().getEmail()).setHeader("Email").setKey("email").setSortProperty("account.email").setAutoWidth(true);
        grid.addColumn(DoctorProfile::getSpecialty).setHeader("Specialty").setKey("specialty").setSortProperty("specialty").setAutoWidth(true);
        grid.addColumn(DoctorProfile::getRegistrationNumber).setHeader("Registration").setKey("registration")
                .setSortProperty("registrationNumber").setAutoWidth(true);
        grid.addColumn(doctor -> AccountStatus.of(doctor.getAccount())).setHeader("Status").setKey("status")
                .setSortProperty("account.active").setAutoWidth(true);
        grid.addComponentColumn(this::actionsFor).setHeader("Actions").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> administration.findDoctors(search.getValue(), pageable),
                pageable -> (int) administration.countDoctors(search.getValue()));
        grid.setEmptyStateText("No doctors match this search.");

        HorizontalLayout toolbar = new HorizontalLayout(search, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        add(new H2("Doctors"), toolbar, grid);
    }

    private HorizontalLayout actionsFor(DoctorProfile doctor) {
        Runnable refresh = grid.getDataProvider()::refreshAll;
        List<Button> buttons = new ArrayList<>();
        buttons.add(AccountStatus.action("Edit", () -> new DoctorDialog(administration, doctor, refresh).open()));
        featureActions.forEach(action ->
                buttons.add(AccountStatus.action(action.label(), () -> action.open(doctor.getId(), doctor.getDisplayName()))));
        buttons.add(AccountStatus.action("Reset password", () -> new ResetPasswordDialog(administration, doctor.getAccount()).open()));
        HorizontalLayout actions = AccountStatus.rowActions(buttons.toArray(Button[]::new));
        actions.add(AccountStatus.activationToggle(administration, doctor.getAccount(), refresh));
        return actions;
    }
}
