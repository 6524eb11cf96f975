package com.mediscan.prescription.ui;

import com.mediscan.base.ui.ViewerTime;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionStatus;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One signed prescription as text: version and signature, diagnosis, medicines with directions, notes, follow-up. */
class PrescriptionCard extends Div {

    static final DateTimeFormatter FOLLOW_UP_DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    final OrderedList medicines = new OrderedList();

    PrescriptionCard(Prescription prescription) {
        this(prescription, true);
    }

    /** {@code withDiagnosis} false leaves the diagnosis out where the consultation's own is shown right above. */
    PrescriptionCard(Prescription prescription, boolean withDiagnosis) {
        addClassName("prescription-card");
        if (prescription.getStatus() == PrescriptionStatus.SUPERSEDED) {
            addClassName("superseded");
        }
        Span version = new Span("Version " + prescription.getVersionNumber());
        version.addClassName("prescription-version");
        Span status = new Span(prescription.getStatus() == PrescriptionStatus.SUPERSEDED
                ? "Superseded by a correction" : prescription.getStatus().label());
        status.getElement().getThemeList().add(prescription.getStatus() == PrescriptionStatus.ISSUED ? "badge success" : "badge contrast");
        Div header = new Div(version, status);
        header.addClassName("prescription-card-header");

        Span signed = new Span("Signed by " + prescription.getSignedBy().getDisplayName()
                + " (Reg. no. " + prescription.getSignedBy().getRegistrationNumber() + ") on "
                + ViewerTime.dateTime(prescription.getSignedAt()));
        signed.addClassName("prescription-signature");

        add(header, signed);
        if (withDiagnosis) {
            add(labelled("Diagnosis", prescription.getDiagnosis()));
        }
        medicines.addClassName("prescription-medicines");
        for (MedicationLine line : prescription.getMedications()) {
            medicines.add(medicineItem(line));
        }
        add(medicines);
        if (prescription.getNotes() != null) {
            add(labelled("Notes", prescription.getNotes()));
        }
        if (prescription.getFollowUpOn() != null) {
            add(labelled("Follow-up", FOLLOW_UP_DATE.format(prescription.getFollowUpOn())));
        }
    }

    static ListItem medicineItem(MedicationLine line) {
        Span name = new Span(line.medicine());
        name.addClassName("medicine-name");
        ListItem item = new ListItem(name, new Span(" " + line.instructions()));
        if (line.quantity() != null) {
            item.add(new Span(" · Quantity " + line.quantity()));
        }
        if (line.directions() != null) {
            Span directions = new Span(line.directions());
            directions.addClassName("medicine-directions");
            item.add(directions);
        }
        return item;
    }

    static Paragraph labelled(String label, String text) {
        Span name = new Span(label + ": ");
        name.addClassName("field-label");
        Paragraph paragraph = new Paragraph(name, new Span(text));
        paragraph.addClassName("labelled");
        return paragraph;
    }
}
