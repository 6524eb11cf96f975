package com.mediscan.prescription.ui;

import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.prescription.service.PdfFile;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;

/**
 * A PDF made by a service when its link is followed. The service decides who gets it and audits
 * it; a refusal answers 404, as for a record that does not exist.
 */
final class PdfDownloads {

    private PdfDownloads() {
    }

    static DownloadHandler of(Supplier<PdfFile> render) {
        return event -> {
            PdfFile file;
            try {
                file = render.get();
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
