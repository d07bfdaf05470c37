package com.subscriptions.platform.control;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every record the API writes (its DTOs and the read models of the controls alike) as a JSON object whose members
 * come in the order the record declares its components, snake_case, nulls written. The order of the contract's
 * JSON is thus the order of the record: no wire-format annotation on the read models, and none to keep in step.
 * A component marked {@link Unwrapped} has its members written in its place. JSON-B applies a serializer of
 * {@link Record} to every record type.
 */
public class RecordsInDeclarationOrder implements JsonbSerializer<Record> {

    private static final Map<Class<?>, Member[]> MEMBERS = new ConcurrentHashMap<>();

    @Override
    public void serialize(Record record, JsonGenerator json, SerializationContext context) {
        json.writeStartObject();
        writeMembers(record, json, context);
        json.writeEnd();
    }

    private static void writeMembers(Record record, JsonGenerator json, SerializationContext context) {
        for (Member member : MEMBERS.computeIfAbsent(record.getClass(), RecordsInDeclarationOrder::members)) {
            Object value = member.valueOf(record);
            if (member.unwrapped() && value instanceof Record inner) {
                writeMembers(inner, json, context);
            } else if (value == null) {
                json.writeNull(member.name());
            } else {
                context.serialize(member.name(), value, json);
            }
        }
    }

    private static Member[] members(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Member[] members = new Member[components.length];
        for (int i = 0; i < components.length; i++) {
            components[i].getAccessor().setAccessible(true);
            members[i] = new Member(JsonNames.snakeCase(components[i].getName()), components[i],
                    components[i].isAnnotationPresent(Unwrapped.class));
        }
        return members;
    }

    private record Member(String name, RecordComponent component, boolean unwrapped) {
        Object valueOf(Record record) {
            try {
                return component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }
    }
}
