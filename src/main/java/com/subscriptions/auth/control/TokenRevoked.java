package com.subscriptions.auth.control;

/** A token ({@code jti}) or a whole token family was revoked; either may be null. Fired in the revoking transaction. */
public record TokenRevoked(String jti, String familyId) {

    private static final String NONE = "-";

    /** {@code jti family}, "-" for a null: ids are UUIDs, never blank and never "-". */
    String encode() {
        return (jti == null ? NONE : jti) + " " + (familyId == null ? NONE : familyId);
    }

    static TokenRevoked decode(String text) {
        String[] ids = text.split(" ", 2);
        return new TokenRevoked(NONE.equals(ids[0]) ? null : ids[0], NONE.equals(ids[1]) ? null : ids[1]);
    }
}
