package com.mediscan.prescription.service;

import com.mediscan.prescription.domain.FormularyEntry;
import com.mediscan.prescription.domain.FormularyEntryRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic's list of common medicines, offered as suggestions while a prescription is written. */
@Service
@Transactional(readOnly = true)
public class FormularyService {

    private final FormularyEntryRepository entries;

    public FormularyService(FormularyEntryRepository entries) {
        this.entries = entries;
    }

    public List<FormularyEntry> entries() {
        return entries.findAllByOrderByMedicineNameAsc();
    }
}
