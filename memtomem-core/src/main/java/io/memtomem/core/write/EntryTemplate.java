package io.memtomem.core.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.memtomem.core.json.Jackson;
import io.memtomem.core.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The entry templates of memory-core.md §1.2. A template makes the entry's {@code ## <Kind>: <title>} heading (in
 * place of the automatic one) and lays out the fields of a JSON-object content in a fixed order, each as
 * {@code **Label:** value}; lists become bullets (numbered for steps). Plain-text content becomes the body as it is.
 */
public enum EntryTemplate {
    ADR("ADR", "status:Status", "context:Context", "decision:Decision", "consequences:Consequences",
            "alternatives:Alternatives considered"),
    MEETING("Meeting", "date:Date", "attendees:Attendees", "agenda:Agenda", "notes:Notes", "decisions:Decisions",
            "action_items:Action items"),
    DEBUG("Debug", "symptom:Symptom", "root_cause:Root cause", "fix:Fix", "prevention:Prevention"),
    DECISION("Decision", "question:Question", "options:Options", "choice:Choice", "rationale:Rationale"),
    PROCEDURE("Procedure", "purpose:Purpose", "prerequisites:Prerequisites", "steps:Steps",
            "verification:Verification");

    private static final String TITLE_FIELD = "title";
    private static final String NUMBERED_FIELD = "steps";

    private final String kind;
    /** Field name to its label, in output order. */
    private final Map<String, String> labels = new LinkedHashMap<>();

    /** @param fields {@code name:Label} pairs in output order */
    EntryTemplate(String kind, String... fields) {
        this.kind = kind;
        for (String field : fields) {
            int colon = field.indexOf(':');
            labels.put(field.substring(0, colon), field.substring(colon + 1));
        }
    }

    public String templateName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The field names a JSON content may use, {@code title} included. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(labels.keySet());
        names.add(0, TITLE_FIELD);
        return names;
    }

    public static String validNames() {
        return Arrays.stream(values()).map(EntryTemplate::templateName).collect(Collectors.joining(", "));
    }

    /** @param parameter the argument that named the template, for the error message */
    public static EntryTemplate named(String parameter, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (EntryTemplate template : values()) {
            if (template.templateName().equals(wanted)) {
                return template;
            }
        }
        throw new InvalidInputException(parameter, "unknown " + parameter + " '" + name.strip() + "': use one of "
                + validNames());
    }

    /** The entry's heading text (without {@code ## }) and its body. */
    record Rendered(String heading, String body) {}

    /**
     * @param prefix  prepended to parameter names in errors ({@code entries[2].} in a batch, else empty)
     * @param title   the entry's title parameter (stripped) or null; a JSON content may carry it as "title" instead
     * @param content validated, non-blank content: a JSON object (starts with '{') or plain text
     */
    Rendered render(String prefix, String title, String content) {
        StringBuilder body = new StringBuilder();
        String heading = title;
        if (content.strip().startsWith("{")) {
            Map<String, JsonNode> values = fieldValues(prefix + "content", content);
            heading = headingTitle(prefix, title, values.remove(TITLE_FIELD));
            appendFields(body, prefix + "content", values);
        } else {
            body.append(content.strip());
        }
        if (heading == null) {
            throw new InvalidInputException(prefix + "title", "template " + templateName() + " needs a title: pass "
                    + prefix + "title, or a \"title\" field in the JSON content");
        }
        return new Rendered(kind + ": " + heading, body.toString());
    }

    private Map<String, JsonNode> fieldValues(String parameter, String content) {
        JsonNode root;
        try {
            root = Jackson.readTree(content);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(parameter, parameter + " starts with '{' but is not valid JSON ("
                    + e.getOriginalMessage() + "): pass a JSON object of " + templateName() + " fields, or plain text");
        }
        if (!root.isObject()) {
            throw new InvalidInputException(parameter, parameter + " must be a JSON object of " + templateName()
                    + " fields");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!fieldNames().contains(field.getKey())) {
                unknown.add(field.getKey());
            } else if (!field.getValue().isNull()) {
                values.put(field.getKey(), field.getValue());
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(parameter, "template " + templateName() + " has no field "
                    + String.join(", ", unknown) + ": its fields are " + String.join(", ", fieldNames()));
        }
        if (values.keySet().stream().noneMatch(labels::containsKey)) {
            throw new InvalidInputException(parameter, parameter + " sets none of the " + templateName()
                    + " fields: fill at least one of " + String.join(", ", labels.keySet()));
        }
        return values;
    }

    private String headingTitle(String prefix, String title, JsonNode jsonTitle) {
        if (jsonTitle == null) {
            return title;
        }
        String fromJson = singleLine(prefix + "content.title", text(prefix + "content", TITLE_FIELD, jsonTitle));
        if (title != null && !title.equals(fromJson)) {
            throw new InvalidInputException(prefix + "title", prefix + "title is given twice with different values "
                    + "(the title parameter and the content's \"title\" field): pass it once");
        }
        return fromJson;
    }

    /**
     * Fields as bold labels, not sub-headings: the entry stays one section, so the {@code > tags:} header under its
     * heading applies to all of it (a {@code ###} section would be a chunk of its own, without the tags).
     */
    private void appendFields(StringBuilder body, String parameter, Map<String, JsonNode> values) {
        String separator = "";
        for (Map.Entry<String, String> field : labels.entrySet()) {
            JsonNode value = values.get(field.getKey());
            if (value == null) {
                continue;
            }
            String text = value.isArray()
                    ? list(items(parameter, field.getKey(), value), field.getKey().equals(NUMBERED_FIELD))
                    : text(parameter, field.getKey(), value);
            boolean multiLine = value.isArray() || text.indexOf('\n') >= 0;
            body.append(separator).append("**").append(field.getValue()).append(":**")
                    .append(multiLine ? "\n" : " ").append(text);
            separator = "\n\n";
        }
    }

    private static String list(List<String> items, boolean numbered) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            list.append(i > 0 ? "\n" : "").append(numbered ? (i + 1) + ". " : "- ").append(items.get(i));
        }
        return list.toString();
    }

    private static List<String> items(String parameter, String field, JsonNode array) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : array) {
            items.add(text(parameter, field, item));
        }
        return items;
    }

    /** Strings, numbers and booleans as text; anything nested is refused rather than dumped as JSON. */
    private static String text(String parameter, String field, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText().strip();
        }
        throw new InvalidInputException(parameter, parameter + "." + field
                + " must be text, a number, or a list of them");
    }

    private static String singleLine(String name, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new InvalidInputException(name, name + " must be a single line: remove the line breaks");
        }
        return value;
    }
}
