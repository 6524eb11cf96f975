package com.mediscan.prescription.ui;

import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.ui.ViewerTime;
import com.mediscan.prescription.domain.FormularyEntry;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionContent;
import com.mediscan.prescription.domain.PrescriptionRules;
import com.mediscan.prescription.service.CallPhase;
import com.mediscan.prescription.service.PrescriptionDraft;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.prescription.service.PrescriptionValidationException;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The doctor's prescription form for one appointment. What is typed is kept as a draft on the
 * server (after a short pause in typing, on every added or removed row, and when the panel
 * closes), so a dropped call or a reload loses nothing. "Save prescription" checks the form,
 * then the service checks again and signs it; after that, saving again issues a correction.
 * Create it with {@link PrescriptionPanelFactory}.
 */
public class PrescriptionPanel extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(PrescriptionPanel.class);
    /** Pause in typing after which the draft is saved. */
    static final int AUTOSAVE_AFTER_MS = 800;

    /** Fired after a version has been signed. */
    public static class IssuedEvent extends ComponentEvent<PrescriptionPanel> {

        private final transient Prescription prescription;

        IssuedEvent(PrescriptionPanel source, Prescription prescription) {
            super(source, false);
            this.prescription = prescription;
        }

        public Prescription getPrescription() {
            return prescription;
        }
    }

    final Span versionInfo = new Span();
    final Span draftStatus = new Span();
    final TextField diagnosis = new TextField("Diagnosis");
    final Div medicationList = new Div();
    final List<MedicationRow> rows = new ArrayList<>();
    final Span medicationsError = new Span();
    final Button addMedication = new Button("Add medication", VaadinIcon.PLUS.create());
    final TextArea notes = new TextArea("Consultation notes");
    final DatePicker followUp = new DatePicker("Follow-up date");
    final Button save = new Button("Save prescription", VaadinIcon.CHECK.create());
    final Details earlier = new Details("Earlier prescriptions of this patient");

    private final transient PrescriptionService service;
    private final transient List<FormularyEntry> formulary;
    private final long appointmentId;
    private final CallPhase phase;
    private boolean loading;
    private boolean showProblems;
    private boolean earlierLoaded;

    PrescriptionPanel(PrescriptionService service, List<FormularyEntry> formulary, long appointmentId, CallPhase phase) {
        this.service = service;
        this.formulary = formulary;
        this.appointmentId = appointmentId;
        this.phase = phase;
        addClassName("prescription-panel");
        setPadding(false);

        H3 title = new H3("Prescription");
        versionInfo.addClassName("prescription-version-info");
        draftStatus.addClassName("draft-status");
        draftStatus.getElement().setAttribute("role", "status");

        diagnosis.setRequiredIndicatorVisible(true);
        diagnosis.setMaxLength(Prescription.DIAGNOSIS_MAX);
        diagnosis.setWidthFull();
        diagnosis.setValueChangeMode(ValueChangeMode.LAZY);
        diagnosis.setValueChangeTimeout(AUTOSAVE_AFTER_MS);

        medicationList.addClassName("medication-list");
        medicationsError.addClassName("medications-error");
        medicationsError.getElement().setAttribute("role", "alert");
        medicationsError.setVisible(false);
        addMedication.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addMedication.addClickListener(click -> {
            addRow(MedicationLine.empty()).medicine.focus();
            contentChanged();
        });

        notes.setMaxLength(Prescription.NOTES_MAX);
        notes.setWidthFull();
        notes.setValueChangeMode(ValueChangeMode.LAZY);
        notes.setValueChangeTimeout(AUTOSAVE_AFTER_MS);
        notes.setHelperText("Advice and observations; the patient sees them in their record.");

        followUp.setHelperText("Optional");
        followUp.setMin(LocalDate.now(ViewerTime.zone()).plusDays(1));
        followUp.setI18n(new DatePicker.DatePickerI18n().setBadInputErrorMessage("Enter a date, for example 14/06/2026.")
                .setMinErrorMessage("The follow-up date must be after today."));

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> saveClicked());

        earlier.addClassName("earlier-prescriptions");
        earlier.addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                loadEarlier();
            }
        });

        add(title, versionInfo, diagnosis, medicationList, medicationsError, addMedication, notes, followUp, save, draftStatus, earlier);
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(diagnosis, notes, followUp)) {
            field.addValueChangeListener(event -> contentChanged());
        }
        show(service.openDraft(appointmentId));
        addDetachListener(event -> saveDraftQuietly());
    }

    public Registration addIssuedListener(ComponentEventListener<IssuedEvent> listener) {
        return addListener(IssuedEvent.class, listener);
    }

    private void show(PrescriptionDraft draft) {
        loading = true;
        try {
            PrescriptionContent content = draft.content();
            diagnosis.setValue(content.diagnosis() == null ? "" : content.diagnosis());
            notes.setValue(content.notes() == null ? "" : content.notes());
            followUp.setValue(content.followUpOn());
            rows.forEach(medicationList::remove);
            rows.clear();
            content.medications().forEach(this::addRow);
            if (rows.isEmpty()) {
                addRow(MedicationLine.empty());
            }
        } finally {
            loading = false;
        }
        versionInfo.setText(draft.isCorrection()
                ? "Version " + draft.issued().getVersionNumber() + " was issued on " + ViewerTime.dateTime(draft.issued().getSignedAt())
                        + ". Saving again issues a correction as version " + draft.versionNumber() + "."
                : "Not issued yet.");
        draftStatus.setText(draft.savedAt() == null ? "" : "Draft saved at " + ViewerTime.time(draft.savedAt()) + ".");
    }

    private MedicationRow addRow(MedicationLine line) {
        MedicationRow row = new MedicationRow(formulary, AUTOSAVE_AFTER_MS);
        row.show(line);
        row.fields().forEach(field -> field.addValueChangeListener(event -> contentChanged()));
        row.remove.addClickListener(click -> {
            rows.remove(row);
            medicationList.remove(row);
            renumber();
            contentChanged();
        });
        rows.add(row);
        medicationList.add(row);
        renumber();
        return row;
    }

    private void renumber() {
        for (int index = 0; index < rows.size(); index++) {
            rows.get(index).number(index + 1);
        }
        addMedication.setEnabled(rows.size() < PrescriptionRules.MAX_MEDICATIONS);
    }

    PrescriptionContent content() {
        return new PrescriptionContent(diagnosis.getValue(), notes.getValue(), followUp.getValue(),
                rows.stream().map(MedicationRow::line).toList());
    }

    private void contentChanged() {
        if (loading) {
            return;
        }
        if (showProblems) {
            showProblems(PrescriptionRules.check(content(), today()));
        }
        saveDraft();
    }

    private void saveDraft() {
        try {
            PrescriptionDraft saved = service.saveDraft(appointmentId, content());
            if (saved.savedAt() != null) {
                draftStatus.setText("Draft saved at " + ViewerTime.time(saved.savedAt()) + ".");
            }
        } catch (BusinessRuleException refused) {
            draftStatus.setText("Draft not saved: " + refused.getMessage());
        }
    }

    private void saveDraftQuietly() {
        try {
            saveDraft();
        } catch (RuntimeException failure) {
            // Closing must not fail because the session or the user is already gone; the last autosave stands.
            log.warn("Prescription draft of appointment {} not saved on close: {}", appointmentId, failure.toString());
        }
    }

    private void saveClicked() {
        saveDraft();
        showProblems = true;
        List<PrescriptionRules.Problem> problems = PrescriptionRules.check(content(), today());
        showProblems(problems);
        if (!problems.isEmpty()) {
            notify("Please correct the highlighted fields before saving.", NotificationVariant.LUMO_ERROR);
            return;
        }
        try {
            Prescription issued = service.issue(appointmentId, content(), phase);
            showProblems = false;
            show(service.openDraft(appointmentId));
            notify("Prescription version " + issued.getVersionNumber() + " saved and signed.", NotificationVariant.LUMO_SUCCESS);
            fireEvent(new IssuedEvent(this, issued));
        } catch (PrescriptionValidationException invalid) {
            showProblems(invalid.problems());
            notify(invalid.getMessage(), NotificationVariant.LUMO_ERROR);
        } catch (BusinessRuleException refused) {
            notify(refused.getMessage(), NotificationVariant.LUMO_ERROR);
        }
    }

    private void showProblems(List<PrescriptionRules.Problem> problems) {
        // The date picker keeps its own checks (unreadable input, before the earliest date); only the rules' message is added to it.
        List<HasValidation> all = new ArrayList<>(List.of(diagnosis, notes));
        rows.forEach(row -> row.fields().forEach(field -> all.add((HasValidation) field)));
        all.forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        medicationsError.setVisible(false);
        for (PrescriptionRules.Problem problem : problems) {
            if (problem.field().equals(PrescriptionRules.MEDICATIONS)) {
                medicationsError.setText(problem.message());
                medicationsError.setVisible(true);
                continue;
            }
            HasValidation field = fieldOf(problem.field());
            if (field != null && !field.isInvalid()) {
                field.setErrorMessage(problem.message());
                field.setInvalid(true);
            }
        }
    }

    private HasValidation fieldOf(String name) {
        return switch (name) {
            case PrescriptionRules.DIAGNOSIS -> diagnosis;
            case PrescriptionRules.NOTES -> notes;
            case PrescriptionRules.FOLLOW_UP -> followUp;
            default -> {
                // "medications[2].dose"
                int open = name.indexOf('[');
                int close = name.indexOf("].");
                int index = Integer.parseInt(name.substring(open + 1, close));
                yield index < rows.size() ? rows.get(index).field(name.substring(close + 2)) : null;
            }
        };
    }

    private void loadEarlier() {
        if (earlierLoaded) {
            return;
        }
        earlierLoaded = true;
        List<Prescription> history = service.earlierPrescriptions(appointmentId);
        if (history.isEmpty()) {
            earlier.add(new Paragraph("No earlier prescriptions."));
        }
        history.forEach(prescription -> earlier.add(new EarlierPrescription(prescription)));
    }

    private LocalDate today() {
        return LocalDate.now(ViewerTime.zone());
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification notification = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
