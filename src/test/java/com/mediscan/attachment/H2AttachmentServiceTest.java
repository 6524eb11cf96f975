package com.mediscan.attachment;

import com.mediscan.support.MediScanSpringTest;

@MediScanSpringTest
class H2AttachmentServiceTest extends AttachmentServiceContract {
}
