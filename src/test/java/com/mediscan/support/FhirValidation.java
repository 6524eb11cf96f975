package com.mediscan.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's FhirInstanceValidator (the HL7 validation engine) over the R4 core definitions, offline.
 * One per test JVM: the first validation parses ~58 MB of definitions and takes seconds, later
 * ones a fraction of one.
 */
public final class FhirValidation {

    private static FhirValidator validator;

    private FhirValidation() {
    }

    /** Every message the validator has about the resource, errors and warnings alike. */
    public static synchronized List<SingleValidationMessage> messages(String json) {
        if (validator == null) {
            FhirContext context = FhirContext.forR4Cached();
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(context),
                    new CommonCodeSystemsTerminologyService(context),
                    new InMemoryTerminologyServerValidationSupport(context),
                    new SnapshotGeneratingValidationSupport(context));
            validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator.validateWithResult(json).getMessages();
    }

    /** The errors (and fatal errors) only: what makes a resource invalid. */
    public static List<String> errors(String json) {
        return describe(messages(json).stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL));
    }

    /**
     * Errors and warnings, but for the best-practice advice to add a narrative (dom-6). The
     * validator reports a reference to a urn:uuid missing from the Bundle only as a warning.
     */
    public static List<String> problems(String json) {
        return describe(messages(json).stream()
                .filter(message -> message.getSeverity() != ResultSeverityEnum.INFORMATION)
                .filter(message -> !message.getMessage().contains("dom-6")));
    }

    private static List<String> describe(Stream<SingleValidationMessage> messages) {
        return messages.map(message -> message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage()).toList();
    }
}
