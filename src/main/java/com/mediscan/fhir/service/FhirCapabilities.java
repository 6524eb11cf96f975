package com.mediscan.fhir.service;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The CapabilityStatement: exactly the two $everything operations, JSON only. */
@Component
class FhirCapabilities {

    /** When this statement last changed. */
    private static final String CHANGED = "2026-12-01";

    private final String clinicName;

    FhirCapabilities(@Value("${mediscan.clinic.name:MediScan Clinic}") String clinicName) {
        this.clinicName = clinicName;
    }

    CapabilityStatement statement() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setName("MediScanRecordExport");
        statement.setTitle("MediScan record export");
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDateElement(new DateTimeType(CHANGED));
        statement.setPublisher(clinicName);
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("MediScan");
        statement.getImplementation().setDescription(clinicName + ": consultations and patient records as FHIR R4");
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat(FhirExportLinks.MEDIA_TYPE);
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
                .setDocumentation("Read-only export of MediScan's record for a signed-in participant.");
        rest.getSecurity().setDescription("Signed-in session. A consultation for its doctor and patient; a patient's record for "
                + "the patient and for doctors with an appointment with them. Anything else answers 404.");
        rest.addResource().setType("Encounter").addOperation().setName("everything")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Encounter-everything");
        rest.addResource().setType("Patient").addOperation().setName("everything")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything");
        return statement;
    }
}
