package com.mediscan.appointment.checkin;

import com.mediscan.support.MediScanSpringTest;

@MediScanSpringTest
class H2CheckInServiceTest extends CheckInServiceContract {
}
