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

/**
 * Renders a signed prescription as an A4 PDF: clinic, doctor with registration, patient,
 * medicines, signature. Text of any script the embedded fonts cover is set (see {@link PdfFonts}).
 */
@Component
public class PrescriptionPdf {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final Color ACCENT = new Color(21, 101, 140);
    private static final Color MUTED = new Color(90, 100, 110);
    private static final Color WARNING = new Color(170, 30, 30);

    private static final PdfFonts.Style TITLE = new PdfFonts.Style(18, true, ACCENT);
    private static final PdfFonts.Style HEADING = new PdfFonts.Style(11, true, Color.BLACK);
    private static final PdfFonts.Style BODY = new PdfFonts.Style(10, false, Color.BLACK);
    private static final PdfFonts.Style SMALL = new PdfFonts.Style(9, false, MUTED);
    private static final PdfFonts.Style ALERT = new PdfFonts.Style(11, true, WARNING);

    private final String clinicName;
    private final PdfFonts fonts;

    public PrescriptionPdf(@Value("${mediscan.clinic.name:MediScan Clinic}") String clinicName, PdfFonts fonts) {
        this.clinicName = clinicName;
        this.fonts = fonts;
    }

    public String clinicName() {
        return clinicName;
    }

    public String fileName(Prescription prescription) {
        return "prescription-" + prescription.getAppointment().getId() + "-v" + prescription.getVersionNumber() + ".pdf";
    }

    public byte[] render(Prescription prescription, ZoneId zone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle("Prescription");
        document.addAuthor(prescription.getSignedBy().getDisplayName());
        document.open();

        document.add(paragraph(clinicName, TITLE));
        document.add(paragraph("Telemedicine consultation · Prescription, version " + prescription.getVersionNumber(), SMALL));
        if (prescription.getStatus() == PrescriptionStatus.SUPERSEDED) {
            document.add(paragraph("SUPERSEDED by a later version: not valid for dispensing.", ALERT));
        } else if (prescription.getVersionNumber() > 1) {
            document.add(paragraph("Corrected version: replaces version " + (prescription.getVersionNumber() - 1) + ".", SMALL));
        }
        document.add(new Chunk(new LineSeparator(0.8f, 100, ACCENT, Element.ALIGN_CENTER, -4)));

        var doctor = prescription.getSignedBy();
        var patient = prescription.getPatient();
        PdfPTable parties = new PdfPTable(2);
        parties.setWidthPercentage(100);
        parties.setSpacingBefore(10);
        parties.addCell(block("Doctor", doctor.getDisplayName(), doctor.getSpecialty(),
                "Registration no. " + doctor.getRegistrationNumber()));
        parties.addCell(block("Patient", patient.getDisplayName(),
                "Date of birth " + DATE.format(patient.getDateOfBirth()),
                "Date " + DATE.format(prescription.getSignedAt().atZone(zone))));
        document.add(parties);

        document.add(labelled("Diagnosis: ", prescription.getDiagnosis(), 10));

        Paragraph rx = paragraph("Rx", TITLE);
        rx.setSpacingBefore(8);
        document.add(rx);
        document.add(medicines(prescription.getMedications()));

        if (prescription.getNotes() != null) {
            document.add(labelled("Notes: ", prescription.getNotes(), 10));
        }
        if (prescription.getFollowUpOn() != null) {
            document.add(labelled("Follow-up: ", DATE.format(prescription.getFollowUpOn()), 6));
        }

        Paragraph signature = new Paragraph();
        signature.setSpacingBefore(36);
        signature.add(fonts.phrase("______________________________", BODY));
        signature.add(Chunk.NEWLINE);
        signature.add(fonts.phrase(doctor.getDisplayName() + " · Reg. no. " + doctor.getRegistrationNumber(), HEADING));
        signature.add(Chunk.NEWLINE);
        signature.add(fonts.phrase("Signed electronically on " + DATE_TIME.format(prescription.getSignedAt().atZone(zone)), SMALL));
        document.add(signature);

        document.close();
        return out.toByteArray();
    }

    private Paragraph paragraph(String text, PdfFonts.Style style) {
        return new Paragraph(fonts.phrase(text, style));
    }

    private Paragraph labelled(String label, String text, float spacingBefore) {
        Paragraph paragraph = new Paragraph();
        paragraph.setSpacingBefore(spacingBefore);
        paragraph.add(fonts.phrase(label, HEADING));
        paragraph.add(fonts.phrase(text, BODY));
        return paragraph;
    }

    private PdfPCell block(String label, String... lines) {
        Phrase phrase = new Phrase();
        phrase.add(fonts.phrase(label + "\n", HEADING));
        for (String line : lines) {
            phrase.add(fonts.phrase(line + "\n", BODY));
        }
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingBottom(6);
        return cell;
    }

    private PdfPTable medicines(List<MedicationLine> lines) {
        PdfPTable table = new PdfPTable(new float[] {0.4f, 3.2f, 1.3f, 1.2f, 1.8f, 1.3f, 1.4f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        for (String header : List.of("#", "Medicine", "Dose", "Route", "Frequency", "Duration", "Quantity")) {
            PdfPCell cell = new PdfPCell(fonts.phrase(header, HEADING));
            cell.setBackgroundColor(new Color(230, 242, 248));
            cell.setPadding(4);
            table.addCell(cell);
        }
        int number = 1;
        for (MedicationLine line : lines) {
            for (String value : new String[] {String.valueOf(number++), line.medicine(), line.dose(), line.route(),
                    line.frequency(), line.duration(), line.quantity()}) {
                PdfPCell cell = new PdfPCell(fonts.phrase(value == null ? "" : value, BODY));
                cell.setPadding(4);
                table.addCell(cell);
            }
            if (line.directions() != null) {
                PdfPCell directions = new PdfPCell(fonts.phrase("Directions: " + line.directions(), SMALL));
                directions.setColspan(7);
                directions.setPadding(4);
                table.addCell(directions);
            }
        }
        return table;
    }
}
