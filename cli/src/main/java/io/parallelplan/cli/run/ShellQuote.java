package io.parallelplan.cli.run;

import java.util.regex.Pattern;

/** Quotes values for {@code /bin/sh} so that substituted text is always one word and never code. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._,/:+=@%-]+");

    private ShellQuote() {}

    /**
     * The value as one shell word: unchanged when it holds only characters the shell never interprets, otherwise in
     * single quotes (a single quote inside becomes {@code '\''}).
     */
    public static String quote(String value) {
        if (!value.isEmpty() && SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
