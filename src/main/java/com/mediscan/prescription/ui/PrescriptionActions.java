package com.mediscan.prescription.ui;

import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.base.ui.ViewerTime;
import com.mediscan.prescription.service.PrescriptionPdfFile;
import com.mediscan.prescription.service.PrescriptionService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;

/**
 * Print and PDF links of one signed prescription. The PDF is made when it is downloaded, by the
 * service, which serves it only to the appointment's doctor and patient and audits the print.
 */
class PrescriptionActions extends Div {

    final Anchor print;
    final Anchor pdf;

    PrescriptionActions(PrescriptionService service, long prescriptionId) {
        addClassName("prescription-actions");
        print = new Anchor(PrescriptionPrintView.path(prescriptionId), "Print");
        print.setTarget(AnchorTarget.BLANK);
        print.addComponentAsFirst(VaadinIcon.PRINT.create());
        print.getElement().setAttribute("aria-label", "Print prescription");

        ZoneId zone = ViewerTime.zone();
        pdf = new Anchor(pdfDownload(service, prescriptionId, zone), "Download PDF");
        pdf.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        pdf.getElement().setAttribute("aria-label", "Download prescription as PDF");
        add(print, pdf);
    }

    static DownloadHandler pdfDownload(PrescriptionService service, long prescriptionId, ZoneId zone) {
        return event -> {
            PrescriptionPdfFile file;
            try {
                file = service.pdf(prescriptionId, zone);
            } catch (NotFoundOrDeniedException refused) {
                event.getResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            event.setFileName(file.fileName());
            event.setContentType("application/pdf");
            event.setContentLength(file.content().length);
            event.getOutputStream().write(file.content());
        };
    }
}
