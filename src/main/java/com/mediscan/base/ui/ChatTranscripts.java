package com.mediscan.base.ui;

import com.vaadin.flow.component.Component;

/**
 * The read-only chat transcript of one appointment, for views of other features (the patient's
 * record) that may not depend on the chat feature's UI. The chat feature provides the bean;
 * without one, those views leave their transcript slot empty. The implementation checks access
 * and audits the read itself.
 */
public interface ChatTranscripts {

    Component transcriptOf(long appointmentId);
}
