package com.mediscan.prescription.ui;

import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.base.ui.ViewerTime;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionStatus;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A prescription laid out for paper, without the application's frame: clinic, doctor with
 * registration number, patient, date, medicines with directions and a signature line. The
 * buttons disappear when printed (print CSS in styles.css).
 */
@Route(value = "prescriptions/:" + PrescriptionPrintView.PARAMETER + "(\\d+)/print", autoLayout = false)
@PageTitle("Prescription · MediScan")
@RolesAllowed({Roles.DOCTOR, Roles.PATIENT})
public class PrescriptionPrintView extends Div implements BeforeEnterObserver {

    static final String PARAMETER = "prescriptionId";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final PrescriptionService service;
    final Div sheet = new Div();
    final Button print = new Button("Print", VaadinIcon.PRINT.create());

    public PrescriptionPrintView(PrescriptionService service) {
        this.service = service;
        addClassName("prescription-print-view");
        sheet.addClassName("prescription-sheet");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        print.addClickListener(click -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
    }

    static String path(long prescriptionId) {
        return "prescriptions/" + prescriptionId + "/print";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long prescriptionId = event.getRouteParameters().getLong(PARAMETER).orElse(-1L);
        Prescription prescription;
        try {
            prescription = service.printable(prescriptionId);
        } catch (NotFoundOrDeniedException refused) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        sheet.removeAll();
        ZoneId zone = ViewerTime.zone();
        Anchor pdf = new Anchor(PdfDownloads.of(() -> service.pdf(prescriptionId, zone)), "Download PDF");
        pdf.getElement().setAttribute("aria-label", "Download prescription as PDF");
        Div toolbar = new Div(print, pdf);
        toolbar.addClassNames("print-toolbar", "no-print");
        add(toolbar, sheet);
        fill(prescription);
    }

    private void fill(Prescription prescription) {
        var doctor = prescription.getSignedBy();
        var patient = prescription.getPatient();

        H1 clinic = new H1(service.clinicName());
        clinic.addClassName("sheet-clinic");
        Paragraph subtitle = new Paragraph("Telemedicine consultation · Prescription, version " + prescription.getVersionNumber());
        subtitle.addClassName("sheet-subtitle");
        sheet.add(clinic, subtitle);
        if (prescription.getStatus() == PrescriptionStatus.SUPERSEDED) {
            Paragraph superseded = new Paragraph("Superseded by a later version: not valid for dispensing.");
            superseded.addClassName("sheet-warning");
            sheet.add(superseded);
        } else if (prescription.getVersionNumber() > 1) {
            sheet.add(new Paragraph("Corrected version: replaces version " + (prescription.getVersionNumber() - 1) + "."));
        }

        Div doctorBlock = block("Doctor", doctor.getDisplayName(), doctor.getSpecialty(), "Registration no. " + doctor.getRegistrationNumber());
        Div patientBlock = block("Patient", patient.getDisplayName(), "Date of birth " + DATE.format(patient.getDateOfBirth()),
                "Date " + ViewerTime.date(prescription.getSignedAt()));
        Div parties = new Div(doctorBlock, patientBlock);
        parties.addClassName("sheet-parties");
        sheet.add(parties, PrescriptionCard.labelled("Diagnosis", prescription.getDiagnosis()));

        H2 rx = new H2("Rx");
        rx.addClassName("sheet-rx");
        NativeTable medicines = new NativeTable();
        medicines.addClassName("sheet-medicines");
        NativeTableRow header = medicines.getHead().addRow();
        for (String column : new String[] {"#", "Medicine", "Dose", "Route", "Frequency", "Duration", "Quantity", "Directions"}) {
            header.addHeaderCell().setText(column);
        }
        int number = 1;
        for (MedicationLine line : prescription.getMedications()) {
            NativeTableRow row = medicines.getBody().addRow();
            for (String value : new String[] {String.valueOf(number++), line.medicine(), line.dose(), line.route(), line.frequency(),
                    line.duration(), line.quantity(), line.directions()}) {
                row.addDataCell().setText(value == null ? "" : value);
            }
        }
        sheet.add(rx, medicines);
        if (prescription.getNotes() != null) {
            sheet.add(PrescriptionCard.labelled("Notes", prescription.getNotes()));
        }
        if (prescription.getFollowUpOn() != null) {
            sheet.add(PrescriptionCard.labelled("Follow-up", DATE.format(prescription.getFollowUpOn())));
        }

        Div signatureLine = new Div();
        signatureLine.addClassName("signature-line");
        Span signer = new Span(doctor.getDisplayName() + " · Reg. no. " + doctor.getRegistrationNumber());
        signer.addClassName("signature-name");
        Span signedAt = new Span("Signed electronically on " + ViewerTime.dateTime(prescription.getSignedAt()));
        signedAt.addClassName("signature-date");
        Div signature = new Div(signatureLine, signer, signedAt);
        signature.addClassName("sheet-signature");
        sheet.add(signature);
    }

    private static Div block(String label, String... lines) {
        Div block = new Div();
        block.addClassName("sheet-party");
        Span heading = new Span(label);
        heading.addClassName("field-label");
        block.add(heading);
        for (String line : lines) {
            block.add(new Div(line));
        }
        return block;
    }
}
