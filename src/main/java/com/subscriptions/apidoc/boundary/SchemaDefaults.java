package com.subscriptions.apidoc.boundary;

import org.eclipse.microprofile.openapi.models.media.Schema;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Predicate;

/**
 * Payara writes every attribute of a {@code @Schema} annotation, the unset ones at their defaults: {@code
 * maxProperties: 0} (no member allowed), {@code multipleOf: 0}, {@code maxItems: -1}, {@code readOnly: false}, and {@code properties} on an
 * array. Those say nothing or the wrong thing; they are removed. Reflective, because the two servers' MicroProfile
 * OpenAPI versions type some of them differently (3.1: {@code Boolean exclusiveMaximum}; 4.0: {@code BigDecimal}).
 */
final class SchemaDefaults {

    private static final List<String> FALSE_MEANS_UNSET = List.of("ExclusiveMaximum", "ExclusiveMinimum",
            "UniqueItems", "Nullable", "ReadOnly", "WriteOnly", "Deprecated");
    private static final List<String> ZERO_MEANS_UNSET = List.of("MinLength", "MinItems", "MinProperties",
            "MaxProperties", "MultipleOf");
    private static final List<String> NEGATIVE_MEANS_UNSET = List.of("MaxLength", "MaxItems");

    private SchemaDefaults() {
    }

    static void strip(Schema schema) {
        FALSE_MEANS_UNSET.forEach(name -> clearIf(schema, name, Boolean.FALSE::equals));
        ZERO_MEANS_UNSET.forEach(name -> clearIf(schema, name, SchemaDefaults::isZero));
        NEGATIVE_MEANS_UNSET.forEach(name -> clearIf(schema, name, value -> value instanceof Integer i && i < 0));
        if (schema.getItems() != null && schema.getProperties() != null) {
            schema.setProperties(null);
        }
    }

    private static boolean isZero(Object value) {
        return value instanceof Number number && number.doubleValue() == 0;
    }

    private static void clearIf(Schema schema, String name, Predicate<Object> unset) {
        try {
            Method getter = Schema.class.getMethod("get" + name);
            if (unset.test(getter.invoke(schema))) {
                Schema.class.getMethod("set" + name, getter.getReturnType()).invoke(schema, (Object) null);
            }
        } catch (NoSuchMethodException notInThisVersion) {
            // the server's API has no such attribute
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot clear " + name + " of a schema", e);
        }
    }
}
