package com.mediscan.fhir.service;

/** Where the FHIR export is served, for the API and for the views that link to it. */
public final class FhirExportLinks {

    public static final String BASE = "/fhir";
    public static final String MEDIA_TYPE = "application/fhir+json";

    private FhirExportLinks() {
    }

    /** One consultation: its appointment, encounter, diagnosis, prescriptions, signatures and chat. */
    public static String encounterEverything(long appointmentId) {
        return BASE + "/Encounter/" + appointmentId + "/$everything";
    }

    /** A patient's whole record, as far as the asker may see it. */
    public static String patientEverything(long patientProfileId) {
        return BASE + "/Patient/" + patientProfileId + "/$everything";
    }

    public static String encounterFileName(long appointmentId) {
        return "consultation-" + appointmentId + ".fhir.json";
    }

    public static String patientFileName(long patientProfileId) {
        return "patient-record-" + patientProfileId + ".fhir.json";
    }
}
