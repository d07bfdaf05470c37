package com.subscriptions.platform.entity;

import jakarta.json.JsonObject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a JSON object in a JSON column as its text. */
@Converter(autoApply = true)
public class JsonObjectConverter implements AttributeConverter<JsonObject, String> {

    @Override
    public String convertToDatabaseColumn(JsonObject value) {
        return value == null ? null : value.toString();
    }

    @Override
    public JsonObject convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        return JsonP.parseObject(column);
    }
}
