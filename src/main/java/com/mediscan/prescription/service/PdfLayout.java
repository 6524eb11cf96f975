package com.mediscan.prescription.service;

import com.mediscan.prescription.domain.MedicationLine;
import java.awt.Color;
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
import org.openpdf.text.pdf.draw.LineSeparator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What MediScan's PDFs share: the A4 page, the clinic's letterhead, the text styles, label and
 * value lines, blocks of lines side by side, and the table of medicines. Text is set in the
 * embedded fonts of {@link PdfFonts}.
 */
@Component
public class PdfLayout {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    static final Color ACCENT = new Color(21, 101, 140);
    private static final Color MUTED = new Color(90, 100, 110);
    private static final Color WARNING = new Color(170, 30, 30);

    public static final PdfFonts.Style TITLE = new PdfFonts.Style(18, true, ACCENT);
    public static final PdfFonts.Style SECTION = new PdfFonts.Style(13, true, ACCENT);
    public static final PdfFonts.Style HEADING = new PdfFonts.Style(11, true, Color.BLACK);
    public static final PdfFonts.Style BODY = new PdfFonts.Style(10, false, Color.BLACK);
    public static final PdfFonts.Style SMALL = new PdfFonts.Style(9, false, MUTED);
    public static final PdfFonts.Style ALERT = new PdfFonts.Style(11, true, WARNING);

    private static final float MARGIN = 48;

    private final String clinicName;
    private final PdfFonts fonts;

    public PdfLayout(@Value("${mediscan.clinic.name:MediScan Clinic}") String clinicName, PdfFonts fonts) {
        this.clinicName = clinicName;
        this.fonts = fonts;
    }

    public String clinicName() {
        return clinicName;
    }

    /** An A4 page with MediScan's margins; open it after giving it a writer. */
    public static Document a4() {
        return new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
    }

    /** The clinic's name as the title, with what the document is beneath it. */
    public void letterhead(Document document, String whatThisIs) {
        document.add(paragraph(clinicName, TITLE));
        document.add(paragraph(whatThisIs, SMALL));
    }

    /** The accent line under the letterhead. */
    public Chunk rule() {
        return new Chunk(new LineSeparator(0.8f, 100, ACCENT, Element.ALIGN_CENTER, -4));
    }

    public Phrase phrase(String text, PdfFonts.Style style) {
        return fonts.phrase(text, style);
    }

    public Paragraph paragraph(String text, PdfFonts.Style style) {
        return new Paragraph(fonts.phrase(text, style));
    }

    /** A section's heading, with space above it. */
    public Paragraph section(String title) {
        Paragraph heading = paragraph(title, SECTION);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(2);
        return heading;
    }

    /** "Label: value" with the label in bold. */
    public Paragraph labelled(String label, String text, float spacingBefore) {
        Paragraph paragraph = new Paragraph();
        paragraph.setSpacingBefore(spacingBefore);
        paragraph.add(fonts.phrase(label, HEADING));
        paragraph.add(fonts.phrase(text, BODY));
        return paragraph;
    }

    /** A borderless cell: a bold label over lines of text, for a table of blocks side by side. */
    public PdfPCell block(String label, String... lines) {
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

    /** Blocks side by side across the page's width. */
    public PdfPTable blocks(PdfPCell... cells) {
        PdfPTable table = new PdfPTable(cells.length);
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        for (PdfPCell cell : cells) {
            table.addCell(cell);
        }
        return table;
    }

    /** The medicines, one numbered row each, directions beneath their medicine. */
    public PdfPTable medicines(List<MedicationLine> lines) {
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
