package com.subscriptions.mail.control;

import com.subscriptions.mail.entity.MailKind;
import com.subscriptions.mail.entity.RenderedMail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the mail templates of {@code src/main/resources/mail}: per kind {@code <kind>.txt} (its first line
 * {@code Subject: …}, then a blank line, then the text) and {@code <kind>.html} (the HTML body), each placed in
 * {@code layout.txt}/{@code layout.html} with the footer of its kind ({@code footer-optional.*} offers the opt-out).
 * {@code {{name}}} is replaced by a value, HTML-escaped in HTML; a placeholder without a value is an error, not a gap
 * in a mail.
 */
public final class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String SUBJECT = "Subject: ";
    private static final Map<String, String> FILES = new ConcurrentHashMap<>();

    private MailTemplates() {
    }

    public static RenderedMail render(MailKind kind, Map<String, String> values) {
        String text = file(kind.value() + ".txt");
        int bodyStart = text.indexOf("\n\n");
        if (!text.startsWith(SUBJECT) || bodyStart < 0) {
            throw new IllegalStateException("mail/" + kind.value() + ".txt must start with a Subject: line and a blank line");
        }
        String subject = fill(text.substring(SUBJECT.length(), text.indexOf('\n')), values, false);
        String footer = kind.optional() ? "footer-optional" : "footer";
        Map<String, String> withSubject = new HashMap<>(values);
        withSubject.put("subject", subject);
        String plain = compose("layout.txt", text.substring(bodyStart + 2), footer + ".txt");
        String html = compose("layout.html", file(kind.value() + ".html"), footer + ".html");
        return new RenderedMail(subject, fill(plain, withSubject, false), fill(html, withSubject, true));
    }

    /** The layout with its body and footer in place (their placeholders are filled afterwards, with the layout's). */
    private static String compose(String layout, String body, String footer) {
        return file(layout).replace("{{body}}", body).replace("{{footer}}", file(footer));
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("No value for {{" + placeholder.group(1) + "}}");
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : value));
        }
        return placeholder.appendTail(out).toString();
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String file(String name) {
        return FILES.computeIfAbsent(name, MailTemplates::load);
    }

    private static String load(String name) {
        try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No mail template mail/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
