package com.subscriptions.platform.control;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every record the API writes (its DTOs and the read models of the controls alike) as a JSON object whose members
 * come in the order the record declares its components, snake_case, nulls written. The order of the contract's
 * JSON is thus the order of the record: no wire-format annotation on the read models, and none to keep in step.
 * A component marked {@link Unwrapped} has its members written in its place. JSON-B applies a serializer of
 * {@link Record} to every record type. Texts, whole numbers, booleans, records and lists are written straight (as
 * JSON-B would write them), without asking JSON-B for their serializer each time.
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
            } else if (value instanceof String text) {
                json.write(member.name(), text);
            } else if (value instanceof Long number) {
                json.write(member.name(), number);
            } else if (value instanceof Integer number) {
                json.write(member.name(), number);
            } else if (value instanceof Boolean flag) {
                json.write(member.name(), flag);
            } else if (value instanceof Record inner) {
                json.writeStartObject(member.name());
                writeMembers(inner, json, context);
                json.writeEnd();
            } else if (value instanceof List<?> items) {
                json.writeStartArray(member.name());
                items.forEach(item -> writeItem(item, json, context));
                json.writeEnd();
            } else {
                context.serialize(member.name(), value, json);
            }
        }
    }

    private static void writeItem(Object item, JsonGenerator json, SerializationContext context) {
        if (item == null) {
            json.writeNull();
        } else if (item instanceof Record record) {
            json.writeStartObject();
            writeMembers(record, json, context);
            json.writeEnd();
        } else {
            context.serialize(item, json);
        }
    }

    private static Member[] members(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Member[] members = new Member[components.length];
        for (int i = 0; i < components.length; i++) {
            Method accessor = components[i].getAccessor();
            accessor.setAccessible(true);
            try {
                members[i] = new Member(JsonNames.snakeCase(components[i].getName()), MethodHandles.lookup()
                        .unreflect(accessor).asType(MethodType.methodType(Object.class, Record.class)),
                        components[i].isAnnotationPresent(Unwrapped.class));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + components[i], e);
            }
        }
        return members;
    }

    /**
     * A component's name and its accessor, looked up once: {@code RecordComponent.getAccessor()} hands out a new
     * {@link Method} each call, whose access is checked again on every invocation.
     */
    private record Member(String name, MethodHandle accessor, boolean unwrapped) {
        Object valueOf(Record record) {
            try {
                return (Object) accessor.invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Cannot read " + name + " of " + record.getClass().getName(), e);
            }
        }
    }
}
