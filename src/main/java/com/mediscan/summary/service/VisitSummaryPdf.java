package com.mediscan.summary.service;

import static com.mediscan.prescription.service.PdfLayout.BODY;
import static com.mediscan.prescription.service.PdfLayout.DATE;
import static com.mediscan.prescription.service.PdfLayout.DATE_TIME;
import static com.mediscan.prescription.service.PdfLayout.HEADING;
import static com.mediscan.prescription.service.PdfLayout.SMALL;
import static com.mediscan.prescription.service.PdfLayout.TIME;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.RecordFile;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.service.ConsultationRecord;
import com.mediscan.prescription.service.PdfLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Image;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * The after-visit summary of one consultation as an A4 PDF, as a clinic hands it out: who, when
 * and how long, why, the diagnosis, the prescription in force, the doctor's notes, and the photos
 * (embedded) and documents (listed, and attached to the PDF) the doctor added to the record.
 */
@Component
public class VisitSummaryPdf {

    /** A photo is scaled down to the page's width and at most this tall, in points. */
    static final float PHOTO_MAX_HEIGHT = 330;

    private final PdfLayout layout;

    public VisitSummaryPdf(PdfLayout layout) {
        this.layout = layout;
    }

    static String fileName(long appointmentId) {
        return "visit-summary-" + appointmentId + ".pdf";
    }

    public byte[] render(ConsultationRecord record, List<RecordFile> files, ZoneId zone, Instant preparedAt) {
        Appointment appointment = record.appointment();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = PdfLayout.a4();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle("Visit summary");
        document.addAuthor(appointment.getDoctor().getDisplayName());
        document.open();

        layout.letterhead(document, "Telemedicine consultation · After-visit summary");
        document.add(layout.rule());

        var doctor = appointment.getDoctor();
        var patient = appointment.getPatient();
        document.add(layout.blocks(
                layout.block("Patient", patient.getDisplayName(), "Date of birth " + DATE.format(patient.getDateOfBirth())),
                layout.block("Doctor", doctor.getDisplayName(), doctor.getSpecialty(), "Registration no. " + doctor.getRegistrationNumber()),
                layout.block("Visit", DATE_TIME.format(appointment.getStartsAt().atZone(zone)), call(appointment, zone),
                        "Status: " + appointment.getStatus().label())));

        document.add(layout.labelled("Reason for visit: ", orElse(appointment.getReason(), "Not given"), 8));
        document.add(layout.labelled("Diagnosis: ", orElse(appointment.getDiagnosis(), "Not recorded"), 4));

        document.add(layout.section("Prescription"));
        Prescription current = record.currentPrescription().orElse(null);
        if (current == null) {
            document.add(layout.paragraph("No prescription was issued.", BODY));
        } else {
            document.add(layout.paragraph("Version " + current.getVersionNumber() + ", signed by " + current.getSignedBy().getDisplayName()
                    + " on " + DATE_TIME.format(current.getSignedAt().atZone(zone)) + ".", SMALL));
            if (current.getVersionNumber() > 1) {
                document.add(layout.paragraph("Corrected: this version replaces version " + (current.getVersionNumber() - 1)
                        + "; only this version is valid.", HEADING));
            }
            document.add(layout.medicines(current.getMedications()));
            if (current.getFollowUpOn() != null) {
                document.add(layout.labelled("Follow-up: ", DATE.format(current.getFollowUpOn()), 6));
            }
        }

        document.add(layout.section("Doctor's notes"));
        document.add(layout.paragraph(current == null || current.getNotes() == null ? "None." : current.getNotes(), BODY));

        document.add(layout.section("Photos and documents added to the record"));
        if (files.isEmpty()) {
            document.add(layout.paragraph("None were added.", BODY));
        }
        float width = document.right() - document.left();
        for (RecordFile file : files) {
            document.add(file.entry().isImage() ? photo(file, zone, width) : documentListed(file, zone));
            if (!file.entry().isImage()) {
                attach(writer, file);
            }
        }

        Paragraph prepared = layout.paragraph("Prepared by MediScan on " + DATE_TIME.format(preparedAt.atZone(zone))
                + ". The consultation record in MediScan is the reference.", SMALL);
        prepared.setSpacingBefore(16);
        document.add(prepared);
        document.close();
        return out.toByteArray();
    }

    /** When the call ran and for how long, from the times the server recorded. */
    static String call(Appointment appointment, ZoneId zone) {
        Instant started = appointment.getCallStartedAt();
        Instant ended = appointment.getCallEndedAt();
        if (started == null) {
            return "No call recorded";
        }
        if (ended == null) {
            return "Call from " + TIME.format(started.atZone(zone)) + ", still under way";
        }
        return "Call " + TIME.format(started.atZone(zone)) + "–" + TIME.format(ended.atZone(zone))
                + " (" + readable(Duration.between(started, ended)) + ")";
    }

    static String readable(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes == 0) {
            return duration.toSeconds() + " s";
        }
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }

    private PdfPTable photo(RecordFile file, ZoneId zone, float width) {
        Image image;
        try {
            image = Image.getInstance(file.content());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Stored photo " + file.entry().id() + " cannot be read", unreadable);
        }
        if (image.getWidth() > width || image.getHeight() > PHOTO_MAX_HEIGHT) {
            image.scaleToFit(width, PHOTO_MAX_HEIGHT);
        }
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.addElement(image);
        for (Paragraph line : captions(file.entry(), zone, "Photo")) {
            cell.addElement(line);
        }
        return kept(cell);
    }

    private PdfPTable documentListed(RecordFile file, ZoneId zone) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        for (Paragraph line : captions(file.entry(), zone, "PDF document")) {
            cell.addElement(line);
        }
        cell.addElement(layout.paragraph("Attached to this PDF (your PDF reader lists it under attachments) "
                + "and kept in the consultation record in MediScan.", SMALL));
        return kept(cell);
    }

    private List<Paragraph> captions(AttachmentEntry entry, ZoneId zone, String kind) {
        List<Paragraph> lines = new ArrayList<>();
        lines.add(layout.paragraph(entry.fileName(), HEADING));
        lines.add(layout.paragraph(kind + " · " + entry.readableSize() + " · sent by " + entry.senderName() + " on "
                + DATE_TIME.format(entry.sentAt().atZone(zone)) + " · added to the record on "
                + DATE_TIME.format(entry.addedToRecordAt().atZone(zone)), SMALL));
        lines.add(layout.paragraph("SHA-256 " + entry.sha256(), SMALL));
        return lines;
    }

    /** One file per borderless table, kept on one page with its caption. */
    private static PdfPTable kept(PdfPCell cell) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setKeepTogether(true);
        table.addCell(cell);
        return table;
    }

    private static void attach(PdfWriter writer, RecordFile file) {
        try {
            writer.addFileAttachment(file.entry().fileName(), file.content(), null, file.entry().fileName());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static String orElse(String text, String missing) {
        return text == null || text.isBlank() ? missing : text;
    }
}
