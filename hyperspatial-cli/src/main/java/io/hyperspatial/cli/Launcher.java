package io.hyperspatial.cli;

import java.util.regex.Pattern;

/**
 * How the user started this program, so that the commands it suggests can be pasted back into
 * the same shell as they are: {@code bin/hyperspatial} sets {@value #PROPERTY} to its own path as
 * typed; run any other way, the name is {@code hyperspatial}.
 */
final class Launcher {
    static final String PROPERTY = "hyperspatial.command";
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+-]+");

    private Launcher() {
    }

    /** The launcher, quoted for the shell if it needs it. */
    static String command() {
        return shell(System.getProperty(PROPERTY, "hyperspatial"));
    }

    /** Quotes a word for a POSIX shell if it needs it. */
    static String shell(String word) {
        return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
