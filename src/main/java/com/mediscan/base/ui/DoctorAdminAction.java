package com.mediscan.base.ui;

/**
 * An action that a feature offers on each doctor of the administration's doctors list, so the
 * list (people) need not depend on the feature (the appointment feature offers a doctor's
 * working hours). The list shows one button per bean, after its own "Edit".
 */
public interface DoctorAdminAction {

    /** The button's text. */
    String label();

    /** Opens the action for one doctor. */
    void open(long doctorProfileId, String doctorName);
}
