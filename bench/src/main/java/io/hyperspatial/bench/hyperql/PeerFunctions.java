package io.hyperspatial.bench.hyperql;

import org.sqlite.Function;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The vector distance SQLite and H2 lack, registered as a function {@code l2sq(a, b)}: the squared
 * Euclidean distance between two vectors stored as BLOBs of little-endian float32 components (the
 * square root is left out because it does not change the order). Their k-NN query is the
 * brute-force {@code ORDER BY l2sq(emb, ?) LIMIT k}, which is what either offers without a vector
 * extension. Stateless.
 */
public final class PeerFunctions {
    private PeerFunctions() {
    }

    /** A vector as a BLOB of little-endian float32 components. */
    static byte[] blob(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : vector) {
            buffer.putFloat(f);
        }
        return buffer.array();
    }

    /** Squared Euclidean distance of two float32 BLOBs of equal length; H2 calls it through {@code CREATE ALIAS}. */
    public static double l2sq(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return Double.NaN;
        }
        ByteBuffer x = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer y = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        for (int i = 0; i + Float.BYTES <= Math.min(a.length, b.length); i += Float.BYTES) {
            double d = (double) x.getFloat(i) - y.getFloat(i);
            sum += d * d;
        }
        return sum;
    }

    /** Registers {@code l2sq} on a SQLite connection. */
    static void registerSqlite(Connection connection) throws SQLException {
        Function.create(connection, "l2sq", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                result(l2sq(value_blob(0), value_blob(1)));
            }
        }, 2, Function.FLAG_DETERMINISTIC);
    }

    /** The statement that registers {@code l2sq} in H2. */
    static String h2Alias() {
        return "CREATE ALIAS IF NOT EXISTS l2sq DETERMINISTIC FOR '" + PeerFunctions.class.getName() + ".l2sq'";
    }
}
