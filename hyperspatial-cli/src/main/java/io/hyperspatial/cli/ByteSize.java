package io.hyperspatial.cli;

import picocli.CommandLine.ITypeConverter;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes as options take it: a whole number, optionally followed by {@code k}, {@code m},
 * {@code g} or {@code t} (powers of 1024, with or without {@code i} and {@code b}: {@code 512m},
 * {@code 2GiB}, {@code 1048576}). A picocli converter; stateless.
 */
final class ByteSize implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([kmgt])i?)?b?");

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** The number of bytes {@code value} names; an {@link IllegalArgumentException} says why it names none. */
    static long parse(String value) {
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size '" + value
                    + "': a whole number of bytes, optionally with k, m, g or t (powers of 1024), e.g. 512m");
        }
        int shift = m.group(2) == null ? 0 : 10 * (1 + "kmgt".indexOf(m.group(2)));
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw tooLarge(value);
        }
        if (n > Long.MAX_VALUE >> shift) {
            throw tooLarge(value);
        }
        return n << shift;
    }

    private static IllegalArgumentException tooLarge(String value) {
        return new IllegalArgumentException("invalid size '" + value + "': too large");
    }
}
