package com.mediscan.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.VaadinServletContext;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The running application's Vaadin lookup finds {@link NoPolymerTemplates}, so no call falls back to a class path scan. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClientCallableLookupHttpTest {

    @Autowired
    ServletContext servletContext;

    @Test
    void theLookupAnswersThePolymerQuestionWithoutAScan() {
        Lookup lookup = new VaadinServletContext(servletContext).getAttribute(Lookup.class);

        assertThat(lookup.lookup(DeprecatedPolymerPublishedEventHandler.class)).isInstanceOf(NoPolymerTemplates.class);
    }
}
