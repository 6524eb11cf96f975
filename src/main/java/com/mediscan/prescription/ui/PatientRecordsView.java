package com.mediscan.prescription.ui;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.base.ui.RecordSection;
import com.mediscan.base.ui.ViewerTime;
import com.mediscan.fhir.service.FhirExportLinks;
import com.mediscan.fhir.service.FhirExportService;
import com.mediscan.prescription.service.ConsultationRecord;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.security.Roles;
import com.mediscan.summary.service.VisitSummaryService;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/** The patient's record: every consultation with its date, doctor, diagnosis, prescriptions and chat transcript. */
@Route("records")
@PageTitle("My Records · MediScan")
@RolesAllowed(Roles.PATIENT)
public class PatientRecordsView extends Div {

    public static final String TITLE = "My Records";

    final Div consultations = new Div();
    FhirExportAnchor export;

    public PatientRecordsView(PrescriptionService service, FhirExportService fhirExport, VisitSummaryService summaries,
                              ObjectProvider<RecordSection> transcripts) {
        addClassNames("patient-records-view", "view-content");
        consultations.addClassName("consultation-list");
        add(new H2(TITLE));
        fhirExport.myPatientId().ifPresent(patientId -> {
            export = new FhirExportAnchor(FhirExportLinks.patientEverything(patientId), FhirExportLinks.patientFileName(patientId));
            add(export);
        });
        add(consultations);

        List<ConsultationRecord> records = service.myRecords();
        if (records.isEmpty()) {
            consultations.add(new Paragraph("No consultations yet. After your first video consultation, its diagnosis, "
                    + "prescriptions and chat appear here."));
        }
        for (ConsultationRecord record : records) {
            consultations.add(consultation(record, service, summaries, transcripts));
        }
    }

    private static Div consultation(ConsultationRecord record, PrescriptionService service, VisitSummaryService summaries,
                                    ObjectProvider<RecordSection> transcripts) {
        Appointment appointment = record.appointment();
        Div card = new Div();
        card.addClassNames("glass-card", "consultation-record");

        H3 when = new H3(ViewerTime.dateTime(appointment.getStartsAt()));
        Span doctor = new Span(appointment.getDoctor().getDisplayName() + " · " + appointment.getDoctor().getSpecialty());
        doctor.addClassName("record-doctor");
        card.add(when, doctor);
        if (appointment.getStatus() != AppointmentStatus.COMPLETED) {
            Span status = new Span(appointment.getStatus().label());
            status.getElement().getThemeList().add("badge");
            card.add(status);
        }
        card.add(PrescriptionCard.labelled("Diagnosis", appointment.getDiagnosis() == null ? "Not recorded" : appointment.getDiagnosis()));

        Div prescriptions = new Div();
        prescriptions.addClassName("record-prescriptions");
        record.currentPrescription().ifPresentOrElse(current -> {
            boolean sameDiagnosis = current.getDiagnosis().equals(appointment.getDiagnosis());
            prescriptions.add(new PrescriptionCard(current, !sameDiagnosis), new PrescriptionActions(service, current.getId()));
            long earlierVersions = record.prescriptions().size() - 1L;
            if (earlierVersions > 0) {
                prescriptions.add(new Paragraph(earlierVersions == 1
                        ? "It corrects 1 earlier version, kept in the consultation's record."
                        : "It corrects " + earlierVersions + " earlier versions, kept in the consultation's record."));
            }
        }, () -> prescriptions.add(new Paragraph("No prescription was issued.")));
        card.add(prescriptions);

        Details chat = new Details("Chat transcript");
        chat.addClassName("record-chat");
        chat.addOpenedChangeListener(event -> {
            if (event.isOpened() && chat.getContent().findAny().isEmpty()) {
                chat.add(new TranscriptSlot(transcripts, appointment.getId()));
            }
        });
        card.add(chat);

        RouterLink open = new RouterLink("Open full record", ConsultationRecordView.class,
                new RouteParameters(ConsultationRecordView.PARAMETER, String.valueOf(appointment.getId())));
        open.addClassName("record-open");
        card.add(open, new VisitSummaryAnchor(summaries, appointment.getId()));
        return card;
    }
}
