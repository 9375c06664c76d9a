package org.relaymq.runtime.client.api;

/** A failed client call; {@link #code()} is the broker / NameServer response code, or -1 for local errors. */
public class ClientException extends Exception {

    public static final int LOCAL = -1;

    private final int code;

    public ClientException(int code, String message) {
        super(message);
        this.code = code;
    }

    public ClientException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
