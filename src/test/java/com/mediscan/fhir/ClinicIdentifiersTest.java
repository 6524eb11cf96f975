package com.mediscan.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.fhir.service.ClinicIdentifiers;
import org.junit.jupiter.api.Test;

class ClinicIdentifiersTest {

    @Test
    void systemsHangOffTheClinicsBaseAndFullUrlsAreStableUuids() {
        ClinicIdentifiers ids = new ClinicIdentifiers("https://clinic.mediscan.in/fhir/Id/");

        assertThat(ids.system("patient")).isEqualTo("https://clinic.mediscan.in/fhir/Id/patient");
        assertThat(ids.fullUrl("Patient", 7)).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")
                .isEqualTo(ids.fullUrl("Patient", 7))
                .isNotEqualTo(ids.fullUrl("Patient", 8))
                .isNotEqualTo(ids.fullUrl("Encounter", 7))
                .isNotEqualTo(new ClinicIdentifiers("https://other.clinic.in/Id").fullUrl("Patient", 7));
    }

    @Test
    void placeholderDomainsAndNonWebUrisAreRefused() {
        for (String base : new String[] {"https://example.org/fhir", "http://fhir.example.com", "urn:oid:1.2.3", "https://mediscan.com/Id?x=1", "mediscan"}) {
            assertThatThrownBy(() -> new ClinicIdentifiers(base)).as(base).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
