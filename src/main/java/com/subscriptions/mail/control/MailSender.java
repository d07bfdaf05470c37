package com.subscriptions.mail.control;

import com.subscriptions.mail.entity.OutboxMail;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Hands mails to the configured SMTP server over one connection per batch (Jakarta Mail; the server provides it, on
 * Payara and on WildFly). Every call is bounded by {@code smtp.timeout-ms}: connecting, each read and each write.
 */
@ApplicationScoped
public class MailSender {

    @Inject
    MailSettings settings;

    private Session session;

    @PostConstruct
    void configure() {
        String timeout = String.valueOf(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", settings.security() == MailSettings.Security.TLS ? "smtps" : "smtp");
        for (String protocol : List.of("smtp", "smtps")) {
            properties.put("mail." + protocol + ".host", settings.host());
            properties.put("mail." + protocol + ".port", String.valueOf(settings.port()));
            properties.put("mail." + protocol + ".connectiontimeout", timeout);
            properties.put("mail." + protocol + ".timeout", timeout);
            properties.put("mail." + protocol + ".writetimeout", timeout);
            properties.put("mail." + protocol + ".auth", String.valueOf(settings.username().isPresent()));
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        if (settings.security() == MailSettings.Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        session = Session.getInstance(properties);
    }

    /**
     * Sends each mail; a connection that cannot be opened fails them all with its reason.
     * @return per mail id, null when the server took it, else why not
     */
    public Map<Long, String> send(List<OutboxMail> mails) {
        Map<Long, String> outcomes = new LinkedHashMap<>();
        try (Transport transport = session.getTransport()) {
            transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                    settings.password().orElse(null));
            for (OutboxMail mail : mails) {
                outcomes.put(mail.id(), sendOne(transport, mail));
            }
        } catch (MessagingException | RuntimeException e) {
            for (OutboxMail mail : mails) {
                outcomes.putIfAbsent(mail.id(), "Could not reach the SMTP server: " + describe(e));
            }
        }
        return outcomes;
    }

    private String sendOne(Transport transport, OutboxMail mail) {
        try {
            MimeMessage message = message(mail);
            transport.sendMessage(message, message.getAllRecipients());
            return null;
        } catch (MessagingException e) {
            return describe(e);
        }
    }

    private MimeMessage message(OutboxMail mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        message.setFrom(settings.sender());
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.setSentDate(new java.util.Date());
        return message;
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return cause == e ? message : message + " (" + cause + ")";
    }

    /** Keeps the outbox row's Message-ID on every attempt (Jakarta Mail would write a new one at each send). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
