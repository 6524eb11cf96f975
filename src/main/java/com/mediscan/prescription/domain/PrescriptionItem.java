package com.mediscan.prescription.domain;

import com.mediscan.base.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One medication line of a prescription; changes only while its prescription is a draft. */
@Entity
@Table(name = "prescription_item")
public class PrescriptionItem extends AbstractEntity {

    public static final int MEDICINE_MAX = 120;
    public static final int DOSE_MAX = 60;
    public static final int ROUTE_MAX = 40;
    public static final int FREQUENCY_MAX = 60;
    public static final int DURATION_MAX = 40;
    public static final int QUANTITY_MAX = 40;
    public static final int DIRECTIONS_MAX = 500;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "prescription_id", nullable = false)
    private Prescription prescription;

    @Column(name = "line_number", nullable = false)
    private int lineNumber;

    @Column(name = "medicine_name", length = MEDICINE_MAX)
    private String medicine;

    @Column(length = DOSE_MAX)
    private String dose;

    @Column(length = ROUTE_MAX)
    private String route;

    @Column(length = FREQUENCY_MAX)
    private String frequency;

    @Column(length = DURATION_MAX)
    private String duration;

    @Column(length = QUANTITY_MAX)
    private String quantity;

    @Column(length = DIRECTIONS_MAX)
    private String directions;

    protected PrescriptionItem() {
    }

    PrescriptionItem(Prescription prescription, int lineNumber, MedicationLine line) {
        this.prescription = prescription;
        this.lineNumber = lineNumber;
        write(line);
    }

    void write(MedicationLine line) {
        medicine = line.medicine();
        dose = line.dose();
        route = line.route();
        frequency = line.frequency();
        duration = line.duration();
        quantity = line.quantity();
        directions = line.directions();
    }

    public MedicationLine line() {
        return new MedicationLine(medicine, dose, route, frequency, duration, quantity, directions);
    }

    public int getLineNumber() {
        return lineNumber;
    }
}
