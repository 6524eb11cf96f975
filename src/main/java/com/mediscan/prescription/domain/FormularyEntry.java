package com.mediscan.prescription.domain;

import com.mediscan.base.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** A medicine the clinic commonly prescribes: suggested while writing, never a limit on what can be written. */
@Entity
@Table(name = "formulary_entry")
public class FormularyEntry extends AbstractEntity {

    @Column(name = "medicine_name", nullable = false, unique = true, length = PrescriptionItem.MEDICINE_MAX)
    private String medicineName;

    @Column(name = "dosage_form", nullable = false, length = 40)
    private String dosageForm;

    @Column(name = "common_strengths", nullable = false, length = 120)
    private String commonStrengths;

    @Column(name = "default_route", nullable = false, length = PrescriptionItem.ROUTE_MAX)
    private String defaultRoute;

    @Column(name = "therapeutic_area", nullable = false, length = 60)
    private String therapeuticArea;

    protected FormularyEntry() {
    }

    public String getMedicineName() {
        return medicineName;
    }

    public String getDosageForm() {
        return dosageForm;
    }

    /** For example "2.5 mg, 5 mg, 10 mg". */
    public String getCommonStrengths() {
        return commonStrengths;
    }

    public List<String> strengths() {
        return Arrays.stream(commonStrengths.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String getDefaultRoute() {
        return defaultRoute;
    }

    public String getTherapeuticArea() {
        return therapeuticArea;
    }
}
