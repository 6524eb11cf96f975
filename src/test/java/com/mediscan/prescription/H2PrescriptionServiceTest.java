package com.mediscan.prescription;

import com.mediscan.support.MediScanSpringTest;

@MediScanSpringTest
class H2PrescriptionServiceTest extends PrescriptionServiceContract {
}
