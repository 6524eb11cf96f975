package com.mediscan.summary.service;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.AppointmentAccess;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.attachment.service.RecordFile;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.prescription.service.ConsultationRecord;
import com.mediscan.prescription.service.PdfFile;
import com.mediscan.prescription.service.PrescriptionService;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The after-visit summary of a consultation, for its doctor and its patient only. It reads
 * through the prescription and attachment services, whose rules and audit apply too; the export
 * itself, and any refusal, is audited as a record export.
 */
@Service
@Transactional(readOnly = true)
public class VisitSummaryService {

    private final AppointmentAccess access;
    private final PrescriptionService prescriptions;
    private final AttachmentService attachments;
    private final VisitSummaryPdf pdf;
    private final AuditService audit;
    private final Clock clock;

    public VisitSummaryService(AppointmentAccess access, PrescriptionService prescriptions, AttachmentService attachments,
                               VisitSummaryPdf pdf, AuditService audit, Clock clock) {
        this.access = access;
        this.prescriptions = prescriptions;
        this.attachments = attachments;
        this.pdf = pdf;
        this.audit = audit;
        this.clock = clock;
    }

    /** The summary as a PDF, times in the reader's zone. */
    public PdfFile pdf(long appointmentId, ZoneId zone) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.RECORD_EXPORTED);
        ConsultationRecord record = prescriptions.record(appointmentId);
        List<RecordFile> files = attachments.recordFiles(appointmentId);
        byte[] content = pdf.render(record, files, zone, clock.instant());
        audit.record(AuditAction.RECORD_EXPORTED, AuditOutcome.ALLOWED, AppointmentService.subject(appointment),
                "visit summary PDF, " + files.size() + " photos and files from the record");
        return new PdfFile(VisitSummaryPdf.fileName(appointmentId), content);
    }
}
