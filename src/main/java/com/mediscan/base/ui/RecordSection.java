package com.mediscan.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A section that one feature adds to the record of an appointment as another feature's views
 * show it, so those views need not depend on the adding feature's UI. A record view places the
 * sections it knows by {@link #name()} and says plainly when one is missing. The section checks
 * access and audits the read itself.
 */
public interface RecordSection {

    /** Which section this is, such as {@code "chat-transcript"}. */
    String name();

    Component contentFor(long appointmentId);
}
