package com.mediscan.prescription.ui;

import com.mediscan.prescription.domain.FormularyEntry;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.PrescriptionItem;
import com.mediscan.prescription.domain.PrescriptionRules;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One medication of the prescription being written: a labelled group of fields and its remove button. */
class MedicationRow extends Div {

    static final List<String> ROUTES = List.of("Oral", "Sublingual", "Topical", "Inhalation", "Subcutaneous", "Intramuscular",
            "Intravenous", "Eye drops", "Ear drops", "Nasal", "Rectal", "Transdermal");
    static final List<String> FREQUENCIES = List.of("Once daily", "Twice daily", "Three times daily", "Four times daily",
            "Every 8 hours", "Every 12 hours", "In the morning", "At bedtime", "Once weekly", "As needed");

    final Span title = new Span();
    final ComboBox<String> medicine = new ComboBox<>("Medicine");
    final TextField dose = new TextField("Dose");
    final ComboBox<String> route = new ComboBox<>("Route");
    final ComboBox<String> frequency = new ComboBox<>("Frequency");
    final TextField duration = new TextField("Duration");
    final TextField quantity = new TextField("Quantity");
    final TextField directions = new TextField("Directions");
    final Button remove = new Button("Remove", VaadinIcon.TRASH.create());

    private final Map<String, FormularyEntry> formulary;

    MedicationRow(List<FormularyEntry> formularyEntries, int valueChangeTimeout) {
        this.formulary = formularyEntries.stream()
                .collect(Collectors.toMap(FormularyEntry::getMedicineName, Function.identity(), (a, b) -> a));
        addClassName("medication-row");
        getElement().setAttribute("role", "group");

        medicine.setItems(formulary.keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        medicine.setAllowCustomValue(true);
        medicine.addCustomValueSetListener(event -> medicine.setValue(event.getDetail()));
        medicine.setRequiredIndicatorVisible(true);
        medicine.setPlaceholder("Start typing to search");
        medicine.addValueChangeListener(event -> suggestFromFormulary(event.getValue()));

        dose.setRequiredIndicatorVisible(true);
        dose.setPlaceholder("e.g. 5 mg");
        dose.setMaxLength(PrescriptionItem.DOSE_MAX);

        route.setItems(ROUTES);
        route.setAllowCustomValue(true);
        route.addCustomValueSetListener(event -> route.setValue(event.getDetail()));
        route.setRequiredIndicatorVisible(true);

        frequency.setItems(FREQUENCIES);
        frequency.setAllowCustomValue(true);
        frequency.addCustomValueSetListener(event -> frequency.setValue(event.getDetail()));
        frequency.setRequiredIndicatorVisible(true);

        duration.setRequiredIndicatorVisible(true);
        duration.setPlaceholder("e.g. 30 days");
        duration.setMaxLength(PrescriptionItem.DURATION_MAX);
        quantity.setPlaceholder("e.g. 30 tablets");
        quantity.setMaxLength(PrescriptionItem.QUANTITY_MAX);
        directions.setPlaceholder("e.g. Take after breakfast");
        directions.setMaxLength(PrescriptionItem.DIRECTIONS_MAX);
        for (TextField field : List.of(dose, duration, quantity, directions)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setValueChangeTimeout(valueChangeTimeout);
        }

        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        title.addClassName("medication-title");
        Div header = new Div(title, remove);
        header.addClassName("medication-row-header");

        FormLayout fields = new FormLayout(medicine, dose, route, frequency, duration, quantity, directions);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("320px", 2));
        fields.setColspan(medicine, 2);
        fields.setColspan(directions, 2);
        add(header, fields);
    }

    /** Called when rows are added or removed, so labels keep saying which medication they belong to. */
    void number(int position) {
        String name = "Medication " + position;
        title.setText(name);
        getElement().setAttribute("aria-label", name);
        remove.setAriaLabel("Remove medication " + position);
        remove.setTooltipText("Remove medication " + position);
    }

    private void suggestFromFormulary(String name) {
        FormularyEntry entry = name == null ? null : formulary.get(name);
        dose.setHelperText(entry == null ? null : entry.getDosageForm() + ": " + entry.getCommonStrengths());
        if (entry != null && route.isEmpty()) {
            route.setValue(entry.getDefaultRoute());
        }
    }

    MedicationLine line() {
        return new MedicationLine(medicine.getValue(), dose.getValue(), route.getValue(), frequency.getValue(),
                duration.getValue(), quantity.getValue(), directions.getValue());
    }

    void show(MedicationLine line) {
        medicine.setValue(line.medicine());
        dose.setValue(orEmpty(line.dose()));
        route.setValue(line.route());
        frequency.setValue(line.frequency());
        duration.setValue(orEmpty(line.duration()));
        quantity.setValue(orEmpty(line.quantity()));
        directions.setValue(orEmpty(line.directions()));
    }

    List<HasValue<?, ?>> fields() {
        return List.of(medicine, dose, route, frequency, duration, quantity, directions);
    }

    /** The field that a {@link PrescriptionRules} problem of this row names, such as "dose". */
    HasValidation field(String part) {
        return switch (part) {
            case PrescriptionRules.MEDICINE -> medicine;
            case PrescriptionRules.DOSE -> dose;
            case PrescriptionRules.ROUTE -> route;
            case PrescriptionRules.FREQUENCY -> frequency;
            case PrescriptionRules.DURATION -> duration;
            case PrescriptionRules.QUANTITY -> quantity;
            case PrescriptionRules.DIRECTIONS -> directions;
            default -> throw new IllegalArgumentException("No medication field " + part);
        };
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
