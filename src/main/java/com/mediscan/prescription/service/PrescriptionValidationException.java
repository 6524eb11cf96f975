package com.mediscan.prescription.service;

import com.mediscan.base.BusinessRuleException;
import com.mediscan.prescription.domain.PrescriptionRules;
import java.util.List;

/** A prescription that is not complete enough to issue; each problem names the field it belongs to. */
public class PrescriptionValidationException extends BusinessRuleException {

    private final transient List<PrescriptionRules.Problem> problems;

    public PrescriptionValidationException(List<PrescriptionRules.Problem> problems) {
        super(problems.size() == 1 ? problems.getFirst().message() : "Please correct the " + problems.size() + " highlighted fields.");
        this.problems = List.copyOf(problems);
    }

    public List<PrescriptionRules.Problem> problems() {
        return problems;
    }
}
