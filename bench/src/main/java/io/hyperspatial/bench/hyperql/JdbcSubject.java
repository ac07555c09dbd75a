package io.hyperspatial.bench.hyperql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL peer over JDBC, in process, with a file database in the run's directory: SQLite (xerial
 * sqlite-jdbc) or H2 (embedded). Both load with batched prepared INSERTs in one transaction per
 * 10,000 rows and build the secondary index after the rows, which is the fast route for either;
 * both get a page cache of {@value #CACHE_MIB} MiB, the size of our storage's block cache. Vectors
 * are BLOBs scored by {@link PeerFunctions#l2sq}. Not thread-safe.
 */
final class JdbcSubject implements QuerySubject {
    static final int CACHE_MIB = 256;
    private static final int BATCH = 10_000;

    /** Which peer. */
    enum Kind { SQLITE, H2 }

    private final Kind kind;
    private final Connection connection;

    private JdbcSubject(Kind kind, Connection connection) {
        this.kind = kind;
        this.connection = connection;
    }

    /** Opens the peer's database under {@code dir}. */
    static JdbcSubject open(Kind kind, Path dir) throws SQLException {
        Connection c = switch (kind) {
            case SQLITE -> DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bench.sqlite"));
            case H2 -> DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("bench-h2").toAbsolutePath()
                    + ";CACHE_SIZE=" + CACHE_MIB * 1024 + ";OPTIMIZE_REUSE_RESULTS=FALSE", "sa", "");
        };
        try (Statement s = c.createStatement()) {
            if (kind == Kind.SQLITE) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA cache_size=-" + CACHE_MIB * 1024);
                s.execute("PRAGMA temp_store=MEMORY");
                PeerFunctions.registerSqlite(c);
            } else {
                s.execute(PeerFunctions.h2Alias());
            }
        }
        return new JdbcSubject(kind, c);
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public LoadResult load(BenchDataset data) throws SQLException {
        long start = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE item(id INTEGER PRIMARY KEY, val INTEGER NOT NULL, name VARCHAR(32), cat INTEGER, "
                    + "owner INTEGER, emb " + (kind == Kind.SQLITE ? "BLOB" : "VARBINARY") + ")");
            s.execute("CREATE TABLE owner(id INTEGER PRIMARY KEY, name VARCHAR(32), region INTEGER)");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item VALUES(?, ?, ?, ?, ?, ?)")) {
            int[] pending = {0};
            SQLException[] failure = {null};
            data.forEachItem(item -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    insert.setLong(1, item.id());
                    insert.setLong(2, item.val());
                    insert.setString(3, item.name());
                    insert.setLong(4, item.cat());
                    insert.setLong(5, item.owner());
                    insert.setBytes(6, PeerFunctions.blob(item.emb()));
                    insert.addBatch();
                    if (++pending[0] == BATCH) {
                        insert.executeBatch();
                        connection.commit();
                        pending[0] = 0;
                    }
                } catch (SQLException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO owner VALUES(?, ?, ?)")) {
            List<BenchDataset.Owner> owners = new ArrayList<>();
            data.forEachOwner(owners::add);
            for (BenchDataset.Owner o : owners) {
                insert.setLong(1, o.id());
                insert.setString(2, o.name());
                insert.setLong(3, o.region());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
        long rowsDone = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE INDEX item_val ON item(val)");
            connection.commit();
            s.execute("ANALYZE");
            connection.commit();
        }
        connection.setAutoCommit(true);
        long end = System.nanoTime();
        return new LoadResult((end - start) / 1e9, (end - rowsDone) / 1e9,
                "batched INSERT, " + BATCH + " rows per commit, index on val and ANALYZE after the rows");
    }

    @Override
    public PreparedQuery prepare(BenchQuery query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query.peerSql());
        int width = query.columns();
        return parameters -> {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof float[] vector) {
                    statement.setBytes(i + 1, PeerFunctions.blob(vector));
                } else {
                    statement.setLong(i + 1, (Long) p);
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(width);
                    for (int c = 1; c <= width; c++) {
                        row.add(normalized(rs.getObject(c)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        };
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static Object normalized(Object value) {
        return switch (value) {
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case java.math.BigDecimal d -> d.scale() <= 0 ? (Object) d.longValueExact() : (Object) d.doubleValue();
            case null, default -> value;
        };
    }
}
