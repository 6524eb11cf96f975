package com.mediscan.prescription.ui;

import com.mediscan.base.ui.ViewerTime;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;

/** A compact view of one of the patient's earlier prescriptions, for the doctor: when, by whom, for what, which medicines. */
class EarlierPrescription extends Div {

    EarlierPrescription(Prescription prescription) {
        addClassName("earlier-prescription");
        Span when = new Span(ViewerTime.date(prescription.getAppointment().getStartsAt()) + " · "
                + prescription.getDoctor().getDisplayName() + " (" + prescription.getDoctor().getSpecialty() + ")");
        when.addClassName("earlier-prescription-when");
        OrderedList medicines = new OrderedList();
        for (MedicationLine line : prescription.getMedications()) {
            medicines.add(PrescriptionCard.medicineItem(line));
        }
        add(when, PrescriptionCard.labelled("Diagnosis", prescription.getDiagnosis()), medicines);
    }
}
