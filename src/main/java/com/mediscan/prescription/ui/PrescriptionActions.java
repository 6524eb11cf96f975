package com.mediscan.prescription.ui;

import com.mediscan.base.ui.ViewerTime;
import com.mediscan.prescription.service.PrescriptionService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
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
        pdf = new Anchor(PdfDownloads.of(() -> service.pdf(prescriptionId, zone)), "Download PDF");
        pdf.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        pdf.getElement().setAttribute("aria-label", "Download prescription as PDF");
        add(print, pdf);
    }
}
