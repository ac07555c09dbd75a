package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.plan.ScalarFunction;
import io.hyperspatial.hyperql.value.Arithmetic;
import io.hyperspatial.hyperql.value.TextForm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * SQLite's own {@code printf(FORMAT, ...)} (alias {@code format}), as 3.40's {@code sqlite3_str_vappendf}
 * runs it for the SQL function: conversions {@code %d %i %u %f %e %E %g %G %x %X %o %p %r %s %z %q %Q
 * %w %c %n %%}, flags {@code - + space 0 # , !}, widths and precisions (also {@code *}). Arguments
 * are read as SQLite reads them: an integer conversion takes {@code sqlite3_value_int64} ({@code
 * '12abc'} is 12), a real one {@code sqlite3_value_double}, a text one the value's text; a missing
 * argument is 0, 0.0 or NULL, a NULL text prints as nothing ({@code %q}: {@code (NULL)}, {@code %Q}:
 * {@code NULL}). An unknown conversion ends the output where it stands; output that never started
 * is NULL, as is a NULL format. Widths and precisions count UTF-8 bytes unless the {@code !} flag
 * asks for characters. Stateless.
 */
public final class SqlPrintf {
    private static final byte[] DIGITS = "0123456789ABCDEF0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String CONVERSIONS = "dsgzqQwcouxXfeEGinp%r";

    private SqlPrintf() {
    }

    /** {@code printf} and {@code format}. */
    static List<ScalarFunction> functions() {
        return List.of(ScalarFunctions.deterministic("printf", 0, Integer.MAX_VALUE, SqlPrintf::call),
                ScalarFunctions.deterministic("format", 0, Integer.MAX_VALUE, SqlPrintf::call));
    }

    private static Object call(Object[] a) {
        if (a.length == 0 || a[0] == null) {
            return null;
        }
        return format(TextForm.of(a[0]), Arrays.copyOfRange(a, 1, a.length));
    }

    /** The text {@code printf(format, arguments...)} gives, or null when it printed nothing at all. */
    public static String format(String format, Object[] arguments) {
        return new Run(format.getBytes(StandardCharsets.UTF_8), arguments).run();
    }

    /** The flags, width and precision of one conversion. */
    static final class Spec {
        boolean leftJustify;
        byte signPrefix;
        boolean thousands;
        boolean alternate;
        boolean alternate2;
        boolean zeroPad;
        int width;
        int precision = -1;
    }

    /** One evaluation: the format, the arguments not yet used and the output so far. */
    private static final class Run {
        private final byte[] fmt;
        private final Object[] args;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int used;
        private boolean started;
        private int i;

        Run(byte[] fmt, Object[] args) {
            this.fmt = fmt;
            this.args = args;
        }

        String run() {
            while (i < fmt.length) {
                if (fmt[i] != '%') {
                    int start = i;
                    while (i < fmt.length && fmt[i] != '%') {
                        i++;
                    }
                    append(fmt, start, i - start);
                    continue;
                }
                i++;
                if (i >= fmt.length) {
                    append(new byte[] {'%'}, 0, 1);
                    break;
                }
                if (!conversion()) {
                    break;
                }
                i++;
            }
            return started ? out.toString(StandardCharsets.UTF_8) : null;
        }

        private int at(int k) {
            return k < fmt.length ? fmt[k] : 0;
        }

        /** Reads and prints the conversion starting at {@code i}; false when it ends the output. */
        private boolean conversion() {
            Spec s = new Spec();
            int c = at(i);
            boolean done = false;
            do {
                switch (c) {
                    case '-' -> s.leftJustify = true;
                    case '+' -> s.signPrefix = '+';
                    case ' ' -> s.signPrefix = ' ';
                    case '#' -> s.alternate = true;
                    case '!' -> s.alternate2 = true;
                    case '0' -> s.zeroPad = true;
                    case ',' -> s.thousands = true;
                    case 'l' -> {
                        c = at(++i);
                        if (c == 'l') {
                            c = at(++i);
                        }
                        done = true;
                    }
                    case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                        int w = c - '0';
                        while ((c = at(++i)) >= '0' && c <= '9') {
                            w = w * 10 + c - '0';
                        }
                        s.width = w & 0x7fffffff;
                        if (c != '.' && c != 'l') {
                            done = true;
                        } else {
                            i--;
                        }
                    }
                    case '*' -> {
                        int w = (int) intArgument();
                        if (w < 0) {
                            s.leftJustify = true;
                            w = w >= -Integer.MAX_VALUE ? -w : 0;
                        }
                        s.width = w;
                        if ((c = at(i + 1)) != '.' && c != 'l') {
                            c = at(++i);
                            done = true;
                        }
                    }
                    case '.' -> {
                        c = at(++i);
                        if (c == '*') {
                            int p = (int) intArgument();
                            s.precision = p < 0 ? (p >= -Integer.MAX_VALUE ? -p : -1) : p;
                            c = at(++i);
                        } else {
                            int p = 0;
                            while (c >= '0' && c <= '9') {
                                p = p * 10 + c - '0';
                                c = at(++i);
                            }
                            s.precision = p & 0x7fffffff;
                        }
                        if (c == 'l') {
                            i--;
                        } else {
                            done = true;
                        }
                    }
                    default -> done = true;
                }
            } while (!done && (c = at(++i)) != 0);
            if (c == 0 || CONVERSIONS.indexOf(c) < 0) {
                return false;
            }
            checkSize(s.width);
            checkSize(s.precision);
            return switch (c) {
                case 'd', 'i', 'r' -> padded(s, PrintfNumbers.signed(intArgument(), s, c == 'r'));
                case 'u' -> padded(s, PrintfNumbers.unsigned(intArgument(), s, 10, 0, 0));
                case 'x' -> padded(s, PrintfNumbers.unsigned(intArgument(), s, 16, 16, 1));
                case 'X' -> padded(s, PrintfNumbers.unsigned(intArgument(), s, 16, 0, 4));
                case 'p' -> padded(s, PrintfNumbers.unsigned(intArgument(), s, 16, 0, 1));
                case 'o' -> padded(s, PrintfNumbers.unsigned(intArgument(), s, 8, 0, 2));
                case 'f', 'e', 'E', 'g', 'G' -> padded(s, PrintfReal.format(realArgument(), s, (char) c));
                case 's', 'z' -> text(s);
                case 'q', 'Q', 'w' -> escaped(s, (char) c);
                case 'c' -> character(s);
                case 'n' -> {
                    s.width = 0;
                    yield padded(s, new byte[0]);
                }
                default -> padded(s, new byte[] {'%'});
            };
        }

        private long intArgument() {
            return used < args.length ? Arithmetic.integerValue(args[used++]) : 0L;
        }

        private double realArgument() {
            Object v = used < args.length ? args[used++] : null;
            return v == null ? 0.0 : Arithmetic.real(Arithmetic.toNumeric(v));
        }

        /** The argument's UTF-8 text up to any NUL (as C's strlen reads it), or null for NULL or no argument. */
        private byte[] textArgument() {
            Object v = used < args.length ? args[used++] : null;
            if (v == null) {
                return null;
            }
            byte[] b = TextForm.of(v).getBytes(StandardCharsets.UTF_8);
            for (int k = 0; k < b.length; k++) {
                if (b[k] == 0) {
                    return Arrays.copyOf(b, k);
                }
            }
            return b;
        }

        private boolean text(Spec s) {
            byte[] t = textArgument();
            if (t == null) {
                t = new byte[0];
            }
            int length = t.length;
            if (s.precision >= 0) {
                length = s.alternate2 ? utf8Prefix(t, t.length, s.precision) : Math.min(s.precision, t.length);
            }
            return widthAdjustedForUtf8(s, Arrays.copyOf(t, length));
        }

        /** {@code %q} doubles single quotes, {@code %Q} also encloses in them (NULL: NULL), {@code %w} doubles double quotes. */
        private boolean escaped(Spec s, char kind) {
            byte quote = (byte) (kind == 'w' ? '"' : '\'');
            byte[] t = textArgument();
            boolean isNull = t == null;
            if (isNull) {
                t = (kind == 'Q' ? "NULL" : "(NULL)").getBytes(StandardCharsets.US_ASCII);
            }
            int end = s.precision < 0 ? t.length : s.alternate2 ? utf8Prefix(t, t.length, s.precision)
                    : Math.min(s.precision, t.length);
            ByteArrayOutputStream b = new ByteArrayOutputStream(end + 2);
            boolean enclose = !isNull && kind == 'Q';
            if (enclose) {
                b.write(quote);
            }
            for (int k = 0; k < end; k++) {
                b.write(t[k]);
                if (t[k] == quote) {
                    b.write(quote);
                }
            }
            if (enclose) {
                b.write(quote);
            }
            return widthAdjustedForUtf8(s, b.toByteArray());
        }

        /** {@code %c}: the first character of the text (NUL when there is none), {@code precision} times. */
        private boolean character(Spec s) {
            byte[] t = textArgument();
            byte[] ch = t == null || t.length == 0 ? new byte[1] : Arrays.copyOf(t, utf8Prefix(t, Math.min(4, t.length), 1));
            int copies = 1;
            if (s.precision > 1) {
                s.width -= s.precision - 1;
                if (s.width > 1 && !s.leftJustify) {
                    spaces(s.width - 1);
                    s.width = 0;
                }
                copies = s.precision;
            }
            checkSize((long) copies * ch.length);
            for (int k = 1; k < copies; k++) {
                append(ch, 0, ch.length);
            }
            s.alternate2 = true;
            return widthAdjustedForUtf8(s, ch);
        }

        private boolean widthAdjustedForUtf8(Spec s, byte[] body) {
            if (s.alternate2 && s.width > 0) {
                for (byte b : body) {
                    if ((b & 0xc0) == 0x80) {
                        s.width++;
                    }
                }
            }
            return padded(s, body);
        }

        /** Prints the converted text within the field width. */
        private boolean padded(Spec s, byte[] body) {
            int pad = s.width - body.length;
            if (pad > 0 && !s.leftJustify) {
                spaces(pad);
            }
            append(body, 0, body.length);
            if (pad > 0 && s.leftJustify) {
                spaces(pad);
            }
            return true;
        }

        private void spaces(int n) {
            byte[] b = new byte[n];
            Arrays.fill(b, (byte) ' ');
            append(b, 0, n);
        }

        private void append(byte[] b, int offset, int length) {
            checkSize((long) out.size() + length);
            out.write(b, offset, length);
            started = true;
        }
    }

    /** The bytes that hold the first {@code characters} UTF-8 characters of {@code t[0..limit)}. */
    private static int utf8Prefix(byte[] t, int limit, int characters) {
        int k = 0;
        for (int n = 0; n < characters && k < limit; n++) {
            k++;
            while (k < limit && (t[k] & 0xc0) == 0x80) {
                k++;
            }
        }
        return k;
    }

    /** SQLite refuses to build a string longer than its length limit. */
    static void checkSize(long length) {
        if (length > MiscFunctions.MAX_LENGTH) {
            throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, "string or blob too big");
        }
    }

    /** The digit characters of SQLite's printf: upper case from 0, lower case from 16. */
    static byte digit(int charset, int value) {
        return DIGITS[charset + value];
    }
}
