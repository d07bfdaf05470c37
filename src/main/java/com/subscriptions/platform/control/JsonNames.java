package com.subscriptions.platform.control;

/** The JSON side of the contract speaks snake_case; Java speaks camelCase. */
public final class JsonNames {

    private JsonNames() {
    }

    public static String snakeCase(String camelCase) {
        StringBuilder snake = new StringBuilder(camelCase.length() + 4);
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
