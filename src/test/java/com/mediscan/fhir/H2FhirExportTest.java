package com.mediscan.fhir;

import com.mediscan.support.CleanDatabaseConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(CleanDatabaseConfig.class)
class H2FhirExportTest extends FhirExportContract {
}
