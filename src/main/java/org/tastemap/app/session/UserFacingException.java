package org.tastemap.app.session;

import java.io.IOException;

/** A failure whose message is written for the user, with an optional hint of what to do next. */
public class UserFacingException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public UserFacingException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public UserFacingException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
