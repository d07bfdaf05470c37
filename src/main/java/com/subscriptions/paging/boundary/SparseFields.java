package com.subscriptions.paging.boundary;

import com.subscriptions.platform.control.JsonNames;
import com.subscriptions.platform.boundary.JsonbConfigurator;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code fields} query parameter: a comma-separated list of the members a client wants of each item; the
 * others are left out. Absent, the answer is whole. A field the item does not have answers 400, naming them.
 */
public final class SparseFields {

    private final Set<String> selected;

    private SparseFields(Set<String> selected) {
        this.selected = selected;
    }

    /**
     * @param item  the record an item is made from; its components, in snake_case, are the known fields
     * @param extra members an item has besides the record's components
     */
    public static SparseFields parse(String fields, Class<? extends Record> item, String... extra) {
        if (fields == null || fields.isBlank()) {
            return new SparseFields(Set.of());
        }
        Set<String> known = Stream.concat(Arrays.stream(item.getRecordComponents())
                        .map(component -> JsonNames.snakeCase(component.getName())), Arrays.stream(extra))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> selected = Arrays.stream(fields.split(",")).map(String::strip).filter(f -> !f.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> unknown = selected.stream().filter(f -> !known.contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw InvalidInput.of("fields", "unknown field(s) " + String.join(", ", unknown)
                    + "; known: " + String.join(", ", known));
        }
        return new SparseFields(selected);
    }

    /** The item with the selected members only (the item unchanged when no field is selected). */
    public Object of(Object item) {
        return selected.isEmpty() ? item : select(toJson(item));
    }

    /** The list envelope with the selected members of each item of its {@code listMember} array. */
    public Object in(Object envelope, String listMember) {
        if (selected.isEmpty()) {
            return envelope;
        }
        JsonObject json = toJson(envelope);
        JsonArrayBuilder items = JsonP.array();
        json.getJsonArray(listMember).forEach(item -> items.add(select(item.asJsonObject())));
        return JsonP.object(json).add(listMember, items).build();
    }

    private JsonObject select(JsonObject item) {
        JsonObjectBuilder kept = JsonP.object();
        item.forEach((name, value) -> {
            if (selected.contains(name)) {
                kept.add(name, value == null ? JsonValue.NULL : value);
            }
        });
        return kept.build();
    }

    private static JsonObject toJson(Object dto) {
        return dto instanceof JsonObject json ? json : JsonbConfigurator.toJsonObject(dto);
    }
}
