package com.mediscan.prescription.service;

import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionStatus;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.draw.LineSeparator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Renders a signed prescription as an A4 PDF: clinic, doctor with registration, patient, medicines, signature. */
@Component
public class PrescriptionPdf {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final Color ACCENT = new Color(21, 101, 140);
    private static final Color MUTED = new Color(90, 100, 110);
    private static final Color WARNING = new Color(170, 30, 30);

    private final String clinicName;

    public PrescriptionPdf(@Value("${mediscan.clinic.name:MediScan Clinic}") String clinicName) {
        this.clinicName = clinicName;
    }

    public String clinicName() {
        return clinicName;
    }

    public String fileName(Prescription prescription) {
        return "prescription-" + prescription.getAppointment().getId() + "-v" + prescription.getVersionNumber() + ".pdf";
    }

    public byte[] render(Prescription prescription, ZoneId zone) {
        Font title = new Font(Font.HELVETICA, 18, Font.BOLD, ACCENT);
        Font heading = new Font(Font.HELVETICA, 11, Font.BOLD);
        Font body = new Font(Font.HELVETICA, 10, Font.NORMAL);
        Font small = new Font(Font.HELVETICA, 9, Font.NORMAL, MUTED);
        Font warning = new Font(Font.HELVETICA, 11, Font.BOLD, WARNING);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle("Prescription");
        document.addAuthor(prescription.getSignedBy().getDisplayName());
        document.open();

        document.add(new Paragraph(clinicName, title));
        document.add(new Paragraph("Telemedicine consultation · Prescription, version " + prescription.getVersionNumber(), small));
        if (prescription.getStatus() == PrescriptionStatus.SUPERSEDED) {
            document.add(new Paragraph("SUPERSEDED by a later version: not valid for dispensing.", warning));
        } else if (prescription.getVersionNumber() > 1) {
            document.add(new Paragraph("Corrected version: replaces version " + (prescription.getVersionNumber() - 1) + ".", small));
        }
        document.add(new Chunk(new LineSeparator(0.8f, 100, ACCENT, Element.ALIGN_CENTER, -4)));

        var doctor = prescription.getSignedBy();
        var patient = prescription.getPatient();
        PdfPTable parties = new PdfPTable(2);
        parties.setWidthPercentage(100);
        parties.setSpacingBefore(10);
        parties.addCell(block(heading, body, "Doctor", doctor.getDisplayName(), doctor.getSpecialty(),
                "Registration no. " + doctor.getRegistrationNumber()));
        parties.addCell(block(heading, body, "Patient", patient.getDisplayName(),
                "Date of birth " + DATE.format(patient.getDateOfBirth()),
                "Date " + DATE.format(prescription.getSignedAt().atZone(zone))));
        document.add(parties);

        Paragraph diagnosis = new Paragraph();
        diagnosis.setSpacingBefore(10);
        diagnosis.add(new Chunk("Diagnosis: ", heading));
        diagnosis.add(new Chunk(prescription.getDiagnosis(), body));
        document.add(diagnosis);

        Paragraph rx = new Paragraph("Rx", title);
        rx.setSpacingBefore(8);
        document.add(rx);
        document.add(medicines(prescription.getMedications(), heading, body, small));

        if (prescription.getNotes() != null) {
            Paragraph notes = new Paragraph();
            notes.setSpacingBefore(10);
            notes.add(new Chunk("Notes: ", heading));
            notes.add(new Chunk(prescription.getNotes(), body));
            document.add(notes);
        }
        if (prescription.getFollowUpOn() != null) {
            Paragraph followUp = new Paragraph();
            followUp.setSpacingBefore(6);
            followUp.add(new Chunk("Follow-up: ", heading));
            followUp.add(new Chunk(DATE.format(prescription.getFollowUpOn()), body));
            document.add(followUp);
        }

        Paragraph signature = new Paragraph();
        signature.setSpacingBefore(36);
        signature.add(new Chunk("______________________________", body));
        signature.add(Chunk.NEWLINE);
        signature.add(new Chunk(doctor.getDisplayName() + " · Reg. no. " + doctor.getRegistrationNumber(), heading));
        signature.add(Chunk.NEWLINE);
        signature.add(new Chunk("Signed electronically on " + DATE_TIME.format(prescription.getSignedAt().atZone(zone)), small));
        document.add(signature);

        document.close();
        return out.toByteArray();
    }

    private static PdfPCell block(Font heading, Font body, String label, String... lines) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(label + "\n", heading));
        for (String line : lines) {
            phrase.add(new Chunk(line + "\n", body));
        }
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingBottom(6);
        return cell;
    }

    private static PdfPTable medicines(List<MedicationLine> lines, Font heading, Font body, Font small) {
        PdfPTable table = new PdfPTable(new float[] {0.4f, 3.2f, 1.3f, 1.2f, 1.8f, 1.3f, 1.4f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        for (String header : List.of("#", "Medicine", "Dose", "Route", "Frequency", "Duration", "Quantity")) {
            PdfPCell cell = new PdfPCell(new Phrase(header, heading));
            cell.setBackgroundColor(new Color(230, 242, 248));
            cell.setPadding(4);
            table.addCell(cell);
        }
        int number = 1;
        for (MedicationLine line : lines) {
            for (String value : new String[] {String.valueOf(number++), line.medicine(), line.dose(), line.route(),
                    line.frequency(), line.duration(), line.quantity()}) {
                PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, body));
                cell.setPadding(4);
                table.addCell(cell);
            }
            if (line.directions() != null) {
                PdfPCell directions = new PdfPCell(new Phrase("Directions: " + line.directions(), small));
                directions.setColspan(7);
                directions.setPadding(4);
                table.addCell(directions);
            }
        }
        return table;
    }
}
