package com.mediscan.fhir.service;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The answer of an $everything operation: a collection whose entries carry urn:uuid full URLs,
 * referenced by those URLs, each resource once however often it is referred to. (A searchset,
 * what $everything usually answers, needs server ids on its entries; these resources have none.)
 */
final class ExportBundle {

    private final Bundle bundle = new Bundle();
    private final Set<String> present = new HashSet<>();

    ExportBundle(Instant now) {
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestampElement(instant(now));
    }

    /** Adds the resource under its full URL unless it is there already; returns a reference to it. */
    Reference add(String fullUrl, Supplier<? extends Resource> resource) {
        if (present.add(fullUrl)) {
            bundle.addEntry().setFullUrl(fullUrl).setResource(resource.get());
        }
        return new Reference(fullUrl);
    }

    Bundle finish() {
        return bundle;
    }

    static InstantType instant(Instant at) {
        InstantType type = new InstantType(Date.from(at));
        type.setTimeZoneZulu(true);
        return type;
    }

    static DateTimeType dateTime(Instant at) {
        DateTimeType type = new DateTimeType(Date.from(at));
        type.setTimeZoneZulu(true);
        return type;
    }
}
