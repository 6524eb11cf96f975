package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.ConsentVersion;
import com.mediscan.appointment.service.CheckInService;
import com.mediscan.appointment.service.LockedCheckIn;
import com.mediscan.appointment.service.PatientConsent;
import com.mediscan.appointment.service.TelehealthConsentService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.ui.Notices;
import com.mediscan.base.ui.ViewerTime;
import com.mediscan.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;

/**
 * The clinic's telehealth consent and check-in, for administrators: edit the consent text (each
 * publication is a new version; earlier ones stay readable), see per patient which version they
 * agreed to, when and from where, and the check-ins locked by wrong dates of birth, to call the
 * patient and unlock.
 */
@Route("admin/consent")
@PageTitle("Telehealth consent · Administration · MediScan")
@RolesAllowed(Roles.ADMIN)
public class ConsentAdminView extends VerticalLayout {

    static final String PUBLISH = "Publish as new version";

    final Paragraph inForce = new Paragraph();
    final TextArea text = new TextArea("Consent text");
    final Button publish = new Button(PUBLISH);
    final Div earlierVersions = new Div();
    final TextField patientSearch = new TextField("Patient");
    final Grid<PatientConsent> patients = new Grid<>();
    final Grid<LockedCheckIn> locked = new Grid<>();

    private final TelehealthConsentService consent;
    private final CheckInService checkIns;

    public ConsentAdminView(TelehealthConsentService consent, CheckInService checkIns) {
        this.consent = consent;
        this.checkIns = checkIns;
        addClassNames("consent-admin-view", "view-content");

        text.setWidthFull();
        text.setMaxLength(ConsentVersion.BODY_MAX);
        text.setMinHeight("14rem");
        text.setHelperText("Patients read this before their first video consultation, and again after every change.");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addClickListener(click -> publishText());

        patientSearch.setPlaceholder("Name, email or phone");
        patientSearch.setClearButtonVisible(true);
        patientSearch.setValueChangeMode(ValueChangeMode.LAZY);
        patientSearch.addValueChangeListener(change -> patients.getDataProvider().refreshAll());
        patients.addColumn(PatientConsent::patientName).setHeader("Patient").setKey("patient").setSortProperty("account.fullName").setAutoWidth(true);
        patients.addColumn(PatientConsent::email).setHeader("Email").setKey("email").setAutoWidth(true);
        patients.addColumn(ConsentAdminView::agreedVersion).setHeader("Agreed to").setKey("version").setAutoWidth(true);
        patients.addColumn(row -> row.agreedAt() == null ? "" : ViewerTime.dateTime(row.agreedAt())).setHeader("When").setKey("agreedAt").setAutoWidth(true);
        patients.addColumn(row -> Optional.ofNullable(row.agreedFrom()).orElse("")).setHeader("From address").setKey("address").setAutoWidth(true);
        patients.setItemsPageable(pageable -> consent.patientsConsent(patientSearch.getValue(), pageable),
                pageable -> (int) consent.countPatients(patientSearch.getValue()));
        patients.setEmptyStateText("No patients match this search.");

        locked.addColumn(LockedCheckIn::patientName).setHeader("Patient").setKey("patient").setAutoWidth(true);
        locked.addColumn(row -> Optional.ofNullable(row.patientPhone()).orElse("")).setHeader("Phone").setKey("phone").setAutoWidth(true);
        locked.addColumn(LockedCheckIn::doctorName).setHeader("Doctor").setKey("doctor").setAutoWidth(true);
        locked.addColumn(row -> ViewerTime.dateTime(row.appointmentStartsAt())).setHeader("Appointment").setKey("appointment").setAutoWidth(true);
        locked.addColumn(row -> ViewerTime.dateTime(row.lockedAt())).setHeader("Locked").setKey("lockedAt").setAutoWidth(true);
        locked.addComponentColumn(row -> new Button("Unlock", click -> unlock(row))).setHeader("Actions").setKey("actions")
                .setAutoWidth(true).setFlexGrow(0);
        locked.setEmptyStateText("No check-in is locked.");
        locked.setAllRowsVisible(true);

        add(new H2("Telehealth consent"), inForce, text, publish, new H3("Earlier versions"), earlierVersions,
                new H3("Patients' consent"), patientSearch, patients,
                new H3("Locked check-ins"), new Paragraph("Three dates of birth that did not match lock a check-in. "
                        + "Call the patient, then unlock it so they can try again."), locked);
        showVersions();
        showLocked();
    }

    private static String agreedVersion(PatientConsent row) {
        if (row.versionNumber() == null) {
            return "Not yet";
        }
        return "Version " + row.versionNumber() + (row.current() ? " (in force)" : " (an earlier one)");
    }

    private void publishText() {
        try {
            ConsentVersion published = consent.publish(text.getValue());
            Notices.success("Version " + published.getVersionNumber() + " published. Patients agree to it before their next video consultation.");
            showVersions();
            patients.getDataProvider().refreshAll();
        } catch (BusinessRuleException refused) {
            text.setErrorMessage(refused.getMessage());
            text.setInvalid(true);
        }
    }

    private void showVersions() {
        text.setInvalid(false);
        List<ConsentVersion> versions = consent.versions();
        earlierVersions.removeAll();
        if (versions.isEmpty()) {
            inForce.setText("No consent text is published yet: patients cannot start video consultations until one is.");
            return;
        }
        ConsentVersion current = versions.getFirst();
        inForce.setText("Version " + current.getVersionNumber() + " is in force since " + ViewerTime.dateTime(current.getPublishedAt()) + ".");
        text.setValue(current.getBody());
        versions.stream().skip(1).forEach(version -> {
            Div body = new Div();
            for (String paragraph : version.getBody().split("\\R\\s*\\R")) {
                body.add(new Paragraph(paragraph.strip()));
            }
            earlierVersions.add(new Details("Version " + version.getVersionNumber() + ", published "
                    + ViewerTime.dateTime(version.getPublishedAt()), body));
        });
        if (versions.size() == 1) {
            earlierVersions.add(new Paragraph("None: this is the first version."));
        }
    }

    private void showLocked() {
        locked.setItems(checkIns.locked());
    }

    private void unlock(LockedCheckIn row) {
        if (Attempt.run(() -> checkIns.unlock(row.checkInId()))) {
            Notices.success("Check-in of " + row.patientName() + " unlocked.");
            showLocked();
        }
    }
}
