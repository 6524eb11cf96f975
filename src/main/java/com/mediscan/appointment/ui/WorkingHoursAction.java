package com.mediscan.appointment.ui;

import com.mediscan.appointment.service.WorkingHoursService;
import com.mediscan.base.ui.DoctorAdminAction;
import org.springframework.stereotype.Component;

/** "Working hours" on each doctor of the administration's doctors list. */
@Component
class WorkingHoursAction implements DoctorAdminAction {

    private final WorkingHoursService workingHours;

    WorkingHoursAction(WorkingHoursService workingHours) {
        this.workingHours = workingHours;
    }

    @Override
    public String label() {
        return "Working hours";
    }

    @Override
    public void open(long doctorProfileId, String doctorName) {
        new WorkingHoursDialog(workingHours, doctorProfileId, doctorName).open();
    }
}
