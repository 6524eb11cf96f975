package com.mediscan.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import java.lang.reflect.Type;
import tools.jackson.databind.JsonNode;

/**
 * Tells Vaadin that no component here is a Polymer template, so that a {@code @ClientCallable}'s
 * arguments are decoded without a class path scan.
 * <p>
 * Flow looks this service up for every argument of every {@code @ClientCallable} call. With no
 * implementation registered, its lookup falls back to {@link java.util.ServiceLoader}, which reads every
 * jar of the application for a service file each time and caches nothing: under the load driver that
 * was 19 % of the node's sampled CPU (every call signal is one). The application has no Polymer
 * templates (their add-on is not on the class path), which is exactly what the scan found; Vaadin's
 * class path scan at start registers this class, and the lookup finds it in its map.
 */
public class NoPolymerTemplates implements DeprecatedPolymerPublishedEventHandler {

    @Override
    public boolean isTemplateModelValue(Component instance, JsonNode argValue, Class<?> convertedType) {
        return false;
    }

    @Override
    public Object getTemplateItem(Component template, JsonNode argValue, Type convertedType) {
        throw new UnsupportedOperationException("MediScan has no Polymer templates");
    }
}
