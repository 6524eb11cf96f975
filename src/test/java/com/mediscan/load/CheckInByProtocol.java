package com.mediscan.load;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A patient's check-in on the consultation page (appointment.ui.CheckInSteps) done as the browser
 * does it: "I agree" on the telehealth consent, the "Date of birth" date picker typed as
 * YYYY-MM-DD, a country (and its region) picked in the "Where are you now?" combo boxes, "Check in".
 * A combo box's items come from its data communicator: the filter typed makes the connector call
 * {@code setViewportRange}, the server answers with {@code $connector.set(...)} items carrying
 * keys and a {@code $connector.confirm(id)} the connector acknowledges with {@code confirmUpdate};
 * picking an item sets the combo's {@code value} to that item's key.
 */
final class CheckInByProtocol {

    /** Where load patients say they are: a country with a region list, so both combo boxes are driven. */
    static final String COUNTRY = "India";
    static final String REGION = "Maharashtra";

    private final FlowUi ui;
    private final Duration timeout;
    /** The items each combo box node was last sent, and the update its connector must confirm. */
    private final Map<Integer, JsonNode> itemsByCombo = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> updateByCombo = new ConcurrentHashMap<>();

    private CheckInByProtocol(FlowUi ui, Duration timeout) {
        this.ui = ui;
        this.timeout = timeout;
        ui.onMessage(this::collectComboData);
    }

    /**
     * Waits until the page shows either the check-in or "Join now"; checks in when asked to. Returns
     * once "Join now" is shown.
     */
    static UiNodes.Node checkInIfAsked(FlowUi ui, LocalDate dateOfBirth, Duration timeout) throws IOException, InterruptedException {
        CheckInByProtocol checkIn = new CheckInByProtocol(ui, timeout);
        UiNodes.Node first = ui.await("check-in or Join now", timeout, nodes -> nodes.shownNamed("vaadin-button", "Join now")
                .or(() -> nodes.shownNamed("vaadin-button", "I agree"))
                .or(() -> nodes.shownNamed("vaadin-button", "Check in")));
        if (!"Join now".equals(ui.look(nodes -> Optional.of(nodes.accessibleName(first))).orElse(""))) {
            checkIn.run(dateOfBirth);
        }
        return ui.await("Join now after check-in", timeout, nodes -> nodes.shownNamed("vaadin-button", "Join now"));
    }

    private void run(LocalDate dateOfBirth) throws IOException, InterruptedException {
        Optional<UiNodes.Node> agree = ui.look(nodes -> nodes.shownNamed("vaadin-button", "I agree"));
        if (agree.isPresent()) {
            ui.click(agree.get());
        }
        UiNodes.Node checkIn = ui.await("Check in", timeout, nodes -> nodes.shownNamed("vaadin-button", "Check in"));
        Optional<UiNodes.Node> birth = ui.look(nodes -> nodes.shownNamed("vaadin-date-picker", "Date of birth"));
        if (birth.isPresent()) {
            typeDate(birth.get(), dateOfBirth);
        }
        UiNodes.Node country = ui.await("the Country box", timeout, nodes -> nodes.shownNamed("vaadin-combo-box", "Country"));
        pick(country, COUNTRY);
        UiNodes.Node region = ui.await("the State or region box", timeout,
                nodes -> nodes.shownNamed("vaadin-combo-box", "State or region"));
        pick(region, REGION);
        ui.click(checkIn);
        String refusal = ui.await("the end of the check-in", timeout, nodes -> nodes.shownNamed("vaadin-button", "Join now")
                .map(join -> "").or(() -> refusal(nodes)));
        if (!refusal.isEmpty()) {
            throw ui.end("checkIn", "check-in refused: " + refusal);
        }
    }

    /** The error a field shows after "Check in", if any. */
    private static Optional<String> refusal(UiNodes nodes) {
        return nodes.find(node -> node.get(UiNodes.PROPERTIES, "invalid") instanceof JsonNode invalid && invalid.asBoolean(false)
                        && nodes.isShown(node))
                .map(field -> field.string(UiNodes.PROPERTIES, "label") + ": " + field.string(UiNodes.PROPERTIES, "errorMessage"));
    }

    /**
     * Typing a date and leaving the field: the date picker sets {@code value} (ISO) and the text in its
     * input, and fires {@code value-changed} and {@code change}.
     */
    private void typeDate(UiNodes.Node picker, LocalDate date) throws IOException, InterruptedException {
        String typed = date.toString();
        ui.send(ui.componentChange(picker, Map.of("value", StringNode.valueOf(typed), "_inputElementValue", StringNode.valueOf(typed)),
                "value-changed", "change"));
    }

    /** Typing the label as filter, then choosing the item with that label from what the server sent. */
    private void pick(UiNodes.Node combo, String label) throws IOException, InterruptedException {
        List<ObjectNode> typing = new ArrayList<>(ui.componentChange(combo, Map.of("filter", StringNode.valueOf(label)), "filter-changed"));
        typing.add(ui.serverCall(combo, "setViewportRange", 0, 50, label));
        ui.send(typing);
        String key = ui.await(label + " among the items of " + combo, timeout, nodes -> keyOf(combo, label));
        Integer update = updateByCombo.remove(combo.id);
        if (update != null) {
            ui.callServer(combo, "confirmUpdate", update);
        }
        ui.send(ui.componentChange(combo, Map.of("value", StringNode.valueOf(key)), "value-changed"));
    }

    private Optional<String> keyOf(UiNodes.Node combo, String label) {
        JsonNode items = itemsByCombo.get(combo.id);
        if (items != null) {
            for (JsonNode item : items) {
                if (label.equals(item.path("label").asString(""))) {
                    return Optional.of(item.path("key").asString());
                }
            }
        }
        return Optional.empty();
    }

    /** {@code $connector.set(start, items, filter)} and {@code $connector.confirm(id, filter)} calls, by combo box node. */
    private void collectComboData(FlowUi.Received message) {
        for (JsonNode call : message.execute()) {
            String expression = call.path(call.size() - 1).asString("");
            int node = call.path(0).path("@v-node").asInt(-1);
            if (node < 0) {
                continue;
            }
            if (expression.contains("$connector.set(")) {
                for (JsonNode argument : call) {
                    if (argument.isArray()) {
                        itemsByCombo.put(node, argument);
                    }
                }
            } else if (expression.contains("$connector.confirm(")) {
                updateByCombo.put(node, call.path(1).asInt());
            }
        }
    }
}
