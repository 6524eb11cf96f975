package com.mediscan.prescription.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * "Export (FHIR)": a plain link to the FHIR API, which checks access and audits the export
 * itself; the browser saves the answer as a file. Relative to the page's base, so MediScan
 * under a context path keeps working, and ignored by Vaadin's router.
 */
class FhirExportAnchor extends Anchor {

    static final String LABEL = "Export (FHIR)";

    FhirExportAnchor(String apiPath, String fileName) {
        super(apiPath.substring(1), LABEL);
        addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        setRouterIgnore(true);
        getElement().setAttribute("download", fileName);
        getElement().setAttribute("type", "application/fhir+json");
        addClassName("fhir-export");
    }
}
