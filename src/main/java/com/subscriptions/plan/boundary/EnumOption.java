package com.subscriptions.plan.boundary;

import com.subscriptions.platform.entity.CodedEnum;

import java.util.Arrays;
import java.util.List;

/** One allowed value of an enum, as the intervals and statuses routes list them: {@code {value, name}}. */
public record EnumOption(String value, String name) {

    static <E extends Enum<E> & CodedEnum> List<EnumOption> allOf(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> new EnumOption(e.value(), e.name())).toList();
    }
}
