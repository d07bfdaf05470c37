package com.subscriptions.platform.entity;

/** The roles of the service; a token's {@code groups} claim carries them. */
public final class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
