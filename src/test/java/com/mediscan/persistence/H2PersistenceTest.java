package com.mediscan.persistence;

import com.mediscan.support.MediScanSpringTest;

@MediScanSpringTest
class H2PersistenceTest extends PersistenceContract {
}
