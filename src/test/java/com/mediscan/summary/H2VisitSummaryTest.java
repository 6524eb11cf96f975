package com.mediscan.summary;

import com.mediscan.support.MediScanSpringTest;

@MediScanSpringTest
class H2VisitSummaryTest extends VisitSummaryContract {
}
