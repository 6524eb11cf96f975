package com.mediscan.prescription.service;

import static com.mediscan.prescription.service.PdfLayout.ALERT;
import static com.mediscan.prescription.service.PdfLayout.BODY;
import static com.mediscan.prescription.service.PdfLayout.DATE;
import static com.mediscan.prescription.service.PdfLayout.DATE_TIME;
import static com.mediscan.prescription.service.PdfLayout.HEADING;
import static com.mediscan.prescription.service.PdfLayout.SMALL;
import static com.mediscan.prescription.service.PdfLayout.TITLE;

import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionStatus;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * Renders a signed prescription as an A4 PDF: clinic, doctor with registration, patient,
 * medicines, signature. Text of any script the embedded fonts cover is set (see {@link PdfFonts}).
 */
@Component
public class PrescriptionPdf {

    private final PdfLayout layout;

    public PrescriptionPdf(PdfLayout layout) {
        this.layout = layout;
    }

    public String clinicName() {
        return layout.clinicName();
    }

    public String fileName(Prescription prescription) {
        return "prescription-" + prescription.getAppointment().getId() + "-v" + prescription.getVersionNumber() + ".pdf";
    }

    public byte[] render(Prescription prescription, ZoneId zone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = PdfLayout.a4();
        PdfWriter.getInstance(document, out);
        document.addTitle("Prescription");
        document.addAuthor(prescription.getSignedBy().getDisplayName());
        document.open();

        layout.letterhead(document, "Telemedicine consultation · Prescription, version " + prescription.getVersionNumber());
        if (prescription.getStatus() == PrescriptionStatus.SUPERSEDED) {
            document.add(layout.paragraph("SUPERSEDED by a later version: not valid for dispensing.", ALERT));
        } else if (prescription.getVersionNumber() > 1) {
            document.add(layout.paragraph("Corrected version: replaces version " + (prescription.getVersionNumber() - 1) + ".", SMALL));
        }
        document.add(layout.rule());

        var doctor = prescription.getSignedBy();
        var patient = prescription.getPatient();
        document.add(layout.blocks(
                layout.block("Doctor", doctor.getDisplayName(), doctor.getSpecialty(), "Registration no. " + doctor.getRegistrationNumber()),
                layout.block("Patient", patient.getDisplayName(), "Date of birth " + DATE.format(patient.getDateOfBirth()),
                        "Date " + DATE.format(prescription.getSignedAt().atZone(zone)))));

        document.add(layout.labelled("Diagnosis: ", prescription.getDiagnosis(), 10));

        Paragraph rx = layout.paragraph("Rx", TITLE);
        rx.setSpacingBefore(8);
        document.add(rx);
        document.add(layout.medicines(prescription.getMedications()));

        if (prescription.getNotes() != null) {
            document.add(layout.labelled("Notes: ", prescription.getNotes(), 10));
        }
        if (prescription.getFollowUpOn() != null) {
            document.add(layout.labelled("Follow-up: ", DATE.format(prescription.getFollowUpOn()), 6));
        }

        Paragraph signature = new Paragraph();
        signature.setSpacingBefore(36);
        signature.add(layout.phrase("______________________________", BODY));
        signature.add(Chunk.NEWLINE);
        signature.add(layout.phrase(doctor.getDisplayName() + " · Reg. no. " + doctor.getRegistrationNumber(), HEADING));
        signature.add(Chunk.NEWLINE);
        signature.add(layout.phrase("Signed electronically on " + DATE_TIME.format(prescription.getSignedAt().atZone(zone)), SMALL));
        document.add(signature);

        document.close();
        return out.toByteArray();
    }
}
