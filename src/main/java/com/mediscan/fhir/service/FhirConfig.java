package com.mediscan.fhir.service;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FhirConfig {

    /** Building a context scans the whole R4 model (about a second); the cached one is built once per JVM. */
    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }
}
