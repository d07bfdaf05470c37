package com.subscriptions;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the tested service sends to (server setting smtp.host/port, pom.xml): GreenMail in this JVM,
 * started with the deployment, keeping every mail it receives so tests read them back.
 */
public final class MailServer {

    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_.-]+)");
    private static GreenMail server;

    private MailServer() {
    }

    public static synchronized void start() {
        if (server == null) {
            // GreenMail logs every new mailbox at INFO: two lines per test user.
            java.util.logging.Logger.getLogger("com.icegreen.greenmail").setLevel(java.util.logging.Level.WARNING);
            server = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port", 3125), "127.0.0.1",
                    ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Stops the server, as an SMTP outage (what it received is forgotten with it); {@link #start()} brings it back. */
    public static synchronized void stop() {
        server.stop();
        server = null;
    }

    /** Every mail received so far for the address. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> recipient(message).equalsIgnoreCase(address))
                .toList();
    }

    /** Waits (at most {@code timeout}) until the address has received a mail whose subject contains the text. */
    public static MimeMessage await(String address, String subjectPart, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (MimeMessage message : to(address)) {
                if (message.getSubject().contains(subjectPart)) {
                    return message;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No mail \"" + subjectPart + "\" to " + address + " within " + timeout
                        + "; received: " + to(address).stream().map(MailServer::subject).toList());
            }
            Thread.sleep(50);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain (index 0) or text/html (index 1) part of a mail of the service. */
    public static String part(MimeMessage message, int index) throws MessagingException, IOException {
        BodyPart part = ((MimeMultipart) message.getContent()).getBodyPart(index);
        return (String) part.getContent();
    }

    /** The token of the mail's link (…#token=…), read from its text part. */
    public static String token(MimeMessage message) throws MessagingException, IOException {
        Matcher matcher = TOKEN.matcher(part(message, 0));
        if (!matcher.find()) {
            throw new AssertionError("No #token= link in: " + part(message, 0));
        }
        return matcher.group(1);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
