package com.mediscan.chat;

import com.mediscan.support.MediScanSpringTest;

@MediScanSpringTest
class H2ChatServiceTest extends ChatServiceContract {
}
