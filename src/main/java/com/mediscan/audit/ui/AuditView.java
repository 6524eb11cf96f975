package com.mediscan.audit.ui;

import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditFilter;
import com.mediscan.audit.service.AuditTrail;
import com.mediscan.base.ui.ViewerTime;
import com.mediscan.security.Roles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The audit trail for administrators: filter by user, patient, action, outcome and period; export as CSV. */
@Route("admin/audit")
@PageTitle("Audit trail · MediScan")
@RolesAllowed(Roles.ADMIN)
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final TextField user = new TextField("User");
    final ComboBox<AuditTrail.PatientChoice> patient = new ComboBox<>("Patient");
    final ComboBox<AuditAction> action = new ComboBox<>("Action");
    final ComboBox<AuditOutcome> outcome = new ComboBox<>("Outcome");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Grid<AuditEvent> grid = new Grid<>(AuditEvent.class, false);
    final Anchor export;

    private final AuditTrail trail;
    /** Read by the CSV download, which runs in its own request. */
    private volatile AuditFilter filter = AuditFilter.everything();

    public AuditView(AuditTrail trail) {
        this.trail = trail;
        addClassName("audit-view");
        setSizeFull();

        Map<Long, String> patientNames = trail.patients().stream()
                .collect(Collectors.toMap(AuditTrail.PatientChoice::accountId, AuditTrail.PatientChoice::fullName, (a, b) -> a));

        user.setPlaceholder("Email or part of it");
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        patient.setItems(trail.patients());
        patient.setItemLabelGenerator(choice -> choice.fullName() + " (" + choice.email() + ")");
        patient.setClearButtonVisible(true);
        action.setItems(AuditAction.values());
        action.setClearButtonVisible(true);
        outcome.setItems(AuditOutcome.values());
        outcome.setClearButtonVisible(true);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        user.addValueChangeListener(change -> applyFilter());
        patient.addValueChangeListener(change -> applyFilter());
        action.addValueChangeListener(change -> applyFilter());
        outcome.addValueChangeListener(change -> applyFilter());
        from.addValueChangeListener(change -> applyFilter());
        to.addValueChangeListener(change -> applyFilter());

        grid.addColumn(event -> WHEN.format(event.getOccurredAt().atZone(ViewerTime.zone()))).setHeader("When").setAutoWidth(true);
        grid.addColumn(event -> event.getActorEmail() == null ? "—" : event.getActorEmail()).setHeader("User").setAutoWidth(true);
        grid.addColumn(AuditEvent::getAction).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEvent::getOutcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(event -> event.getPatientAccountId() == null ? ""
                : patientNames.getOrDefault(event.getPatientAccountId(), "#" + event.getPatientAccountId())).setHeader("Patient").setAutoWidth(true);
        grid.addColumn(event -> event.getRecordType() == null ? ""
                : event.getRecordType() + (event.getRecordId() == null ? "" : " #" + event.getRecordId())).setHeader("Record").setAutoWidth(true);
        grid.addColumn(AuditEvent::getRemoteAddress).setHeader("Address").setAutoWidth(true);
        grid.addColumn(AuditEvent::getDetail).setHeader("Detail").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(query -> trail.find(filter, query.getPage(), query.getPageSize()).stream(), query -> (int) trail.count(filter));
        grid.setSizeFull();

        export = new Anchor(csvDownload(), "Export CSV");
        export.getElement().setAttribute("aria-label", "Export CSV");
        export.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        export.addClassName("audit-export");

        FlexLayout filters = new FlexLayout(user, patient, action, outcome, from, to, export);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("audit-filters");
        add(new H2("Audit trail"), filters, grid);
        expand(grid);
    }

    private DownloadHandler csvDownload() {
        return (DownloadEvent event) -> {
            event.setFileName("mediscan-audit-" + LocalDate.now(ViewerTime.zone()) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
                trail.exportCsv(filter, out);
            }
        };
    }

    private void applyFilter() {
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage("The end date cannot be before the start date.");
            return;
        }
        to.setInvalid(false);
        ZoneId zone = ViewerTime.zone();
        Function<LocalDate, Instant> startOf = date -> date.atStartOfDay(zone).toInstant();
        AuditTrail.PatientChoice chosen = patient.getValue();
        filter = new AuditFilter(user.getValue(), chosen == null ? null : chosen.accountId(), action.getValue(), outcome.getValue(),
                from.getValue() == null ? null : startOf.apply(from.getValue()),
                to.getValue() == null ? null : startOf.apply(to.getValue().plusDays(1)));
        grid.getDataProvider().refreshAll();
    }

    AuditFilter currentFilter() {
        return filter;
    }
}
