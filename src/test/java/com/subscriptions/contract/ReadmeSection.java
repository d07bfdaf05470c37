package com.subscriptions.contract;

/**
 * A part of the README that a test generates, between two HTML comment markers on their own lines
 * ({@code <!-- name:start -->} … {@code <!-- name:end -->}). Tests never rewrite the README: they compare the
 * section with what they generated and say how to update it.
 */
record ReadmeSection(String name) {

    String start() {
        return "<!-- " + name + ":start -->";
    }

    String end() {
        return "<!-- " + name + ":end -->";
    }

    /** The text between the markers (without them), each line ending with a newline. */
    String in(String readme) {
        int start = readme.indexOf(start());
        int end = readme.indexOf(end());
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("README.md has no section between " + start() + " and " + end());
        }
        return readme.substring(start + start().length(), end).replace("\r\n", "\n").replaceFirst("^\n", "");
    }

    /** The README with the section's text replaced by {@code content}. */
    String replace(String readme, String content) {
        int start = readme.indexOf(start());
        int end = readme.indexOf(end());
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("README.md has no section between " + start() + " and " + end());
        }
        return readme.substring(0, start + start().length()) + "\n" + content + readme.substring(end);
    }
}
