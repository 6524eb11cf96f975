package com.mediscan.fhir.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clinic's identifier systems ({@code <base>/patient}, {@code <base>/appointment}, …) and
 * the stable {@code urn:uuid} each exported resource gets. The base must be a URI the clinic
 * owns: receivers file identifiers by system, and a placeholder domain would mix clinics.
 */
@Component
public class ClinicIdentifiers {

    private final String base;

    public ClinicIdentifiers(@Value("${mediscan.fhir.identifier-base}") String base) {
        this.base = checked(base);
    }

    /** The identifier system for one kind of MediScan record, such as "patient". */
    public String system(String kind) {
        return base + "/" + kind;
    }

    /** The same record always gets the same urn:uuid, so repeated exports can be matched up. */
    public String fullUrl(String resourceType, Object id) {
        String name = base + "/" + resourceType + "/" + id;
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String checked(String base) {
        URI uri = URI.create(base.strip());
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || host.isEmpty()
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("mediscan.fhir.identifier-base must be an http(s) URI without query or fragment: " + base);
        }
        if (host.matches("(.*\\.)?example\\.(org|com|net)")) {
            throw new IllegalArgumentException("mediscan.fhir.identifier-base must be a URI of the clinic, not " + host);
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
