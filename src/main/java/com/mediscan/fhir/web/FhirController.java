package com.mediscan.fhir.web;

import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.fhir.service.FhirExportLinks;
import com.mediscan.fhir.service.FhirExportService;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The FHIR API beside the Vaadin views: GET only, answers application/fhir+json. */
@RestController
@RequestMapping(FhirExportLinks.BASE)
class FhirController {

    private static final MediaType FHIR_JSON = new MediaType(MediaType.parseMediaType(FhirExportLinks.MEDIA_TYPE), StandardCharsets.UTF_8);

    private final FhirExportService export;

    FhirController(FhirExportService export) {
        this.export = export;
    }

    @GetMapping("/Encounter/{appointmentId}/$everything")
    ResponseEntity<String> encounterEverything(@PathVariable long appointmentId) {
        return fhir(HttpStatus.OK, export.encounterEverything(appointmentId));
    }

    @GetMapping("/Patient/{patientId}/$everything")
    ResponseEntity<String> patientEverything(@PathVariable long patientId) {
        return fhir(HttpStatus.OK, export.patientEverything(patientId));
    }

    @GetMapping("/metadata")
    ResponseEntity<String> metadata() {
        return fhir(HttpStatus.OK, export.capabilityStatement());
    }

    @ExceptionHandler(NotFoundOrDeniedException.class)
    ResponseEntity<String> notFound() {
        return fhir(HttpStatus.NOT_FOUND, export.notFound());
    }

    private static ResponseEntity<String> fhir(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(FHIR_JSON).body(body);
    }
}
