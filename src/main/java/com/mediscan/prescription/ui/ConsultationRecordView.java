package com.mediscan.prescription.ui;

import com.mediscan.account.domain.Role;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.base.ui.RecordSection;
import com.mediscan.base.ui.ViewerTime;
import com.mediscan.fhir.service.FhirExportLinks;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.service.ConsultationRecord;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.Roles;
import com.mediscan.security.SignedInUser;
import com.mediscan.summary.service.VisitSummaryService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The record of one consultation, for its doctor and its patient only: the appointment, every
 * version of its prescription, the photos and files the doctor added to it, the chat transcript, and for the doctor the patient's earlier
 * prescriptions and the prescription form. Anyone else sees "Not available" (and is audited).
 */
@Route("records/:" + ConsultationRecordView.PARAMETER + "(\\d+)")
@PageTitle("Consultation record · MediScan")
@RolesAllowed({Roles.DOCTOR, Roles.PATIENT})
public class ConsultationRecordView extends Div implements BeforeEnterObserver {

    static final String PARAMETER = "appointmentId";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final PrescriptionService service;
    private final PrescriptionPanelFactory panels;
    private final ObjectProvider<RecordSection> transcripts;
    private final CurrentUser currentUser;
    private final AttachmentService attachments;
    private final VisitSummaryService summaries;

    final Div summary = new Div();
    final Div versions = new Div();
    final Button writePrescription = new Button();
    final Div editor = new Div();
    final Div earlier = new Div();
    TranscriptSlot transcriptSlot;
    RecordAttachments recordAttachments;
    FhirExportAnchor export;
    VisitSummaryAnchor summaryDownload;
    private long appointmentId;

    public ConsultationRecordView(PrescriptionService service, PrescriptionPanelFactory panels,
                                  ObjectProvider<RecordSection> transcripts, CurrentUser currentUser,
                                  AttachmentService attachments, VisitSummaryService summaries) {
        this.attachments = attachments;
        this.summaries = summaries;
        this.service = service;
        this.panels = panels;
        this.transcripts = transcripts;
        this.currentUser = currentUser;
        addClassNames("consultation-record-view", "view-content");
        summary.addClassNames("glass-card", "record-summary");
        versions.addClassName("prescription-versions");
        editor.addClassName("prescription-editor");
        earlier.addClassName("earlier-prescriptions");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        appointmentId = event.getRouteParameters().getLong(PARAMETER).orElse(-1L);
        ConsultationRecord record;
        try {
            record = service.record(appointmentId);
        } catch (NotFoundOrDeniedException refused) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        SignedInUser user = currentUser.require();
        boolean doctor = user.is(Role.DOCTOR);
        Appointment appointment = record.appointment();

        add(new H2("Consultation on " + ViewerTime.date(appointment.getStartsAt())));
        showSummary(appointment, doctor);
        export = new FhirExportAnchor(FhirExportLinks.encounterEverything(appointmentId), FhirExportLinks.encounterFileName(appointmentId));
        summaryDownload = new VisitSummaryAnchor(summaries, appointmentId);
        Div exports = new Div(summaryDownload, export);
        exports.addClassName("record-exports");
        add(summary, exports);

        H3 prescriptionHeading = new H3("Prescription");
        add(prescriptionHeading, versions);
        showVersions(record.prescriptions());
        if (doctor && EnumSet.of(AppointmentStatus.IN_PROGRESS, AppointmentStatus.COMPLETED).contains(appointment.getStatus())) {
            writePrescription.setIcon(VaadinIcon.EDIT.create());
            writePrescription.setText(record.currentPrescription().isPresent() ? "Correct prescription" : "Write prescription");
            writePrescription.addClickListener(click -> openEditor());
            add(writePrescription, editor);
        }
        if (doctor) {
            add(new H3("Earlier prescriptions of " + appointment.getPatient().getDisplayName()), earlier);
            List<Prescription> history = service.earlierPrescriptions(appointmentId);
            if (history.isEmpty()) {
                earlier.add(new Paragraph("No earlier prescriptions."));
            }
            history.forEach(prescription -> earlier.add(new EarlierPrescription(prescription)));
        }

        recordAttachments = new RecordAttachments(attachments, appointmentId);
        add(new H3("Photos and files"), recordAttachments);

        transcriptSlot = new TranscriptSlot(transcripts, appointmentId);
        add(new H3("Chat transcript"), transcriptSlot);
    }

    private void showSummary(Appointment appointment, boolean doctor) {
        summary.removeAll();
        summary.add(PrescriptionCard.labelled("When", ViewerTime.dateTime(appointment.getStartsAt())));
        summary.add(PrescriptionCard.labelled("Doctor", appointment.getDoctor().getDisplayName() + " · " + appointment.getDoctor().getSpecialty()));
        summary.add(PrescriptionCard.labelled("Patient", doctor
                ? appointment.getPatient().getDisplayName() + " (born " + BIRTH_DATE.format(appointment.getPatient().getDateOfBirth()) + ")"
                : appointment.getPatient().getDisplayName()));
        if (appointment.getReason() != null) {
            summary.add(PrescriptionCard.labelled("Reason", appointment.getReason()));
        }
        summary.add(PrescriptionCard.labelled("Status", appointment.getStatus().label()));
        summary.add(PrescriptionCard.labelled("Diagnosis", appointment.getDiagnosis() == null ? "Not recorded" : appointment.getDiagnosis()));
    }

    private void showVersions(List<Prescription> signed) {
        versions.removeAll();
        if (signed.isEmpty()) {
            versions.add(new Paragraph("No prescription was issued."));
        }
        for (Prescription prescription : signed) {
            Div version = new Div(new PrescriptionCard(prescription), new PrescriptionActions(service, prescription.getId()));
            version.addClassNames("glass-card", "prescription-version-card");
            versions.add(version);
        }
    }

    private void openEditor() {
        writePrescription.setVisible(false);
        PrescriptionPanel panel = panels.createAfterCall(appointmentId);
        // This view lists the earlier prescriptions itself.
        panel.earlier.setVisible(false);
        panel.addIssuedListener(issued -> {
            ConsultationRecord record = service.record(appointmentId);
            showVersions(record.prescriptions());
            showSummary(record.appointment(), true);
            editor.removeAll();
            writePrescription.setText("Correct prescription");
            writePrescription.setVisible(true);
        });
        editor.add(panel);
    }
}
