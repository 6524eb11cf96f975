package com.mediscan.prescription.domain;

/** DRAFT while the doctor writes (autosaved), ISSUED once signed, SUPERSEDED when a correction replaces it. */
public enum PrescriptionStatus {
    DRAFT,
    ISSUED,
    SUPERSEDED;

    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case ISSUED -> "Issued";
            case SUPERSEDED -> "Superseded";
        };
    }
}
