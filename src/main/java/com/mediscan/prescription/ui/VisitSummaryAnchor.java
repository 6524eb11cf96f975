package com.mediscan.prescription.ui;

import com.mediscan.base.ui.ViewerTime;
import com.mediscan.summary.service.VisitSummaryService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.time.ZoneId;

/**
 * "Download summary (PDF)": the consultation's after-visit summary, made by the service when the
 * link is followed; the service serves it only to the appointment's doctor and patient and audits it.
 */
class VisitSummaryAnchor extends Anchor {

    static final String LABEL = "Download summary (PDF)";

    VisitSummaryAnchor(VisitSummaryService summaries, long appointmentId) {
        super(download(summaries, appointmentId, ViewerTime.zone()), LABEL);
        addComponentAsFirst(VaadinIcon.FILE_TEXT_O.create());
        addClassName("visit-summary-download");
    }

    private static DownloadHandler download(VisitSummaryService summaries, long appointmentId, ZoneId zone) {
        return PdfDownloads.of(() -> summaries.pdf(appointmentId, zone));
    }
}
