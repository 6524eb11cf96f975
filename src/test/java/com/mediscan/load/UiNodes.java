package com.mediscan.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The state tree of one UI as the browser's client engine keeps it, built from the {@code changes}
 * of every message: map features (tag, properties, attributes, listeners, text, ...) and list
 * features (children, virtual children, classes, {@code @ClientCallable} names). Not thread-safe:
 * the owning {@link FlowUi} applies messages one at a time.
 */
final class UiNodes {

    static final int ELEMENT_DATA = 0;
    static final int PROPERTIES = 1;
    static final int CHILDREN = 2;
    static final int ATTRIBUTES = 3;
    static final int LISTENERS = 4;
    static final int TEXT = 7;
    static final int CLIENT_CALLABLES = 19;
    static final int VIRTUAL_CHILDREN = 24;

    /** One state node: its map features by id, its list features by id, and its parent. */
    static final class Node {
        final int id;
        final Map<Integer, Map<String, Object>> maps = new HashMap<>();
        final Map<Integer, List<Object>> lists = new HashMap<>();
        Node parent;

        Node(int id) {
            this.id = id;
        }

        Object get(int feature, String key) {
            Map<String, Object> map = maps.get(feature);
            return map == null ? null : map.get(key);
        }

        String string(int feature, String key) {
            Object value = get(feature, key);
            return value instanceof JsonNode json && json.isString() ? json.asString() : null;
        }

        List<Object> list(int feature) {
            return lists.getOrDefault(feature, List.of());
        }

        String tag() {
            return string(ELEMENT_DATA, "tag");
        }

        @Override
        public String toString() {
            return "node " + id + " <" + tag() + ">";
        }
    }

    private final Map<Integer, Node> nodes = new HashMap<>();

    void clear() {
        nodes.clear();
    }

    void apply(JsonNode changes) {
        for (JsonNode change : changes) {
            int id = change.path("node").asInt();
            String type = change.path("type").asString("");
            switch (type) {
                case "attach" -> nodes.put(id, new Node(id));
                case "detach" -> nodes.remove(id);
                case "put" -> node(id).maps.computeIfAbsent(change.path("feat").asInt(), f -> new HashMap<>())
                        .put(change.path("key").asString(), change.has("nodeValue")
                                ? (Object) Integer.valueOf(change.path("nodeValue").asInt()) : change.path("value"));
                case "remove" -> {
                    Map<String, Object> map = node(id).maps.get(change.path("feat").asInt());
                    if (map != null) {
                        map.remove(change.path("key").asString());
                    }
                }
                case "splice" -> splice(node(id), change);
                case "clear" -> node(id).lists.remove(change.path("feat").asInt());
                default -> {
                    // "empty" (a node without changes): nothing to do.
                }
            }
        }
    }

    private void splice(Node node, JsonNode change) {
        int feature = change.path("feat").asInt();
        List<Object> list = node.lists.computeIfAbsent(feature, f -> new ArrayList<>());
        int index = change.path("index").asInt();
        int remove = change.path("remove").asInt(0);
        for (int i = 0; i < remove && index < list.size(); i++) {
            list.remove(index);
        }
        List<Object> added = new ArrayList<>();
        if (change.has("addNodes")) {
            for (JsonNode child : change.path("addNodes")) {
                added.add(child.asInt());
                if (feature == CHILDREN || feature == VIRTUAL_CHILDREN) {
                    node(child.asInt()).parent = node;
                }
            }
        } else {
            for (JsonNode value : change.path("add")) {
                added.add(value.isString() ? value.asString() : value);
            }
        }
        list.addAll(Math.min(index, list.size()), added);
    }

    private Node node(int id) {
        return nodes.computeIfAbsent(id, Node::new);
    }

    Optional<Node> byId(int id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** Whether the node and all its ancestors are visible (Component.setVisible keeps hidden ones in the tree). */
    boolean isShown(Node node) {
        for (Node at = node; at != null; at = at.parent) {
            Object visible = at.get(ELEMENT_DATA, "visible");
            if (visible instanceof JsonNode json && json.isBoolean() && !json.asBoolean()) {
                return false;
            }
            if (at.get(ATTRIBUTES, "hidden") != null) {
                return false;
            }
        }
        return true;
    }

    /** The text of the node's text-node children and descendants, as a browser's textContent would give it. */
    String text(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text, 0);
        return text.toString().strip();
    }

    private void appendText(Node node, StringBuilder text, int depth) {
        String own = node.string(TEXT, "text");
        if (own != null) {
            text.append(own);
        }
        if (depth > 20) {
            return;
        }
        for (Object child : node.list(CHILDREN)) {
            Node childNode = nodes.get((Integer) child);
            if (childNode != null) {
                appendText(childNode, text, depth + 1);
            }
        }
    }

    /**
     * The shown element whose accessible name is {@code name}: its {@code aria-label}, its {@code label}
     * property (Vaadin fields), or its text.
     */
    Optional<Node> shownNamed(String tag, String name) {
        return find(node -> tag.equals(node.tag()) && name.equals(accessibleName(node)) && isShown(node));
    }

    String accessibleName(Node node) {
        String aria = node.string(ATTRIBUTES, "aria-label");
        if (aria != null) {
            return aria;
        }
        String label = node.string(PROPERTIES, "label");
        if (label != null) {
            return label;
        }
        return text(node);
    }

    /** The node whose {@code @ClientCallable} names (feature 19) include the method. */
    Optional<Node> withClientCallable(String method) {
        return find(node -> node.list(CLIENT_CALLABLES).contains(method));
    }

    Optional<Node> find(Predicate<Node> test) {
        return nodes.values().stream().filter(test).findFirst();
    }

    int size() {
        return nodes.size();
    }
}
