package com.mediscan.prescription.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FormularyEntryRepository extends JpaRepository<FormularyEntry, Long> {

    List<FormularyEntry> findAllByOrderByMedicineNameAsc();
}
