"""Writes slt/alter_table.test, slt/reindex.test and slt/defaults.test with SQLite 3.40.1's own answers (python3's sqlite3).
Run from the repository root: python3 hyperql/src/test/slt-gen/ddl.py hyperql/src/test/resources/slt"""
import sqlite3
import sys

out = []
con = None


def start(header):
    global con, out
    con = sqlite3.connect(':memory:')
    con.isolation_level = None
    out = [header + "\n\n"]


def st(sql):
    con.execute(sql)
    out.append(f"statement ok\n{sql}\n\n")


def err(sql):
    try:
        con.execute(sql)
    except sqlite3.Error:
        out.append(f"statement error\n{sql}\n\n")
        return
    raise Exception("no error: " + sql)


def fmt(v):
    if v is None:
        return 'NULL'
    if isinstance(v, float):
        return '%.3f' % v
    s = str(v)
    return s if s != '' else '(empty)'


def q(sql, sort='rowsort'):
    cur = con.execute(sql)
    rows = cur.fetchall()
    n = len(cur.description)
    types = ''.join('R' if rows and isinstance(rows[0][i], float) else 'I' if rows and isinstance(rows[0][i], int) else 'T'
                    for i in range(n))
    vals = [[fmt(v) for v in r] for r in rows]
    if sort == 'rowsort':
        vals.sort()
    flat = [v for r in vals for v in r]
    out.append(f"query {types} {sort}\n{sql}\n----\n" + "".join(v + "\n" for v in flat) + "\n")


def write(path):
    with open(path, 'w') as f:
        f.write(''.join(out).rstrip('\n') + '\n')


directory = sys.argv[1]

start("# ALTER TABLE ... RENAME TO, RENAME [COLUMN] ... TO, DROP [COLUMN]: expected results from python3's sqlite3\n"
      "# (SQLite 3.40.1). Written by src/test/slt-gen/ddl.py. Views and triggers here do not name what is\n"
      "# renamed: SQLite rewrites those, HyperQL refuses to (see docs/hyperql.md).")
st("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT UNIQUE, c REAL CHECK (c >= 0), d INTEGER, CHECK (a < 100))")
for i in range(1, 9):
    st(f"INSERT INTO t VALUES({i}, {i * 3 % 7}, 'b{i}', {i / 2}, {i % 3})")
st("CREATE INDEX t_a ON t(a)")
st("CREATE TABLE other(x INTEGER, y TEXT)")
st("INSERT INTO other VALUES(1, 'one'), (2, 'two')")
st("CREATE TABLE seen(x INTEGER)")
st("INSERT INTO seen VALUES(7)")
st("CREATE VIEW every AS SELECT * FROM seen")
# renaming a table
err("ALTER TABLE t RENAME TO other")
err("ALTER TABLE t RENAME TO T")
err("ALTER TABLE t RENAME TO every")
err("ALTER TABLE t RENAME TO t_a")
err("ALTER TABLE nosuch RENAME TO u")
err("ALTER TABLE every RENAME TO e2")
st("ALTER TABLE t RENAME TO items")
err("SELECT * FROM t")
q("SELECT id, a, b, c, d FROM items")
q("SELECT id FROM items WHERE a = 3")
err("INSERT INTO items VALUES(9, 1, 'b1', 1.0, 0)")
err("INSERT INTO items VALUES(9, 1, 'b9', -1.0, 0)")
st("INSERT INTO items VALUES(9, 1, 'b9', 1.0, 0)")
st("CREATE TABLE t(z)")
st("INSERT INTO t VALUES('new t')")
q("SELECT z FROM t")
st("DROP TABLE t")
st("ALTER TABLE other RENAME TO Other2")
q("SELECT * FROM Other2")
q("SELECT * FROM every")
err("ALTER TABLE other RENAME TO other3")
# renaming a column
err("ALTER TABLE items RENAME COLUMN nosuch TO q")
err("ALTER TABLE items RENAME COLUMN a TO b")
err("ALTER TABLE items RENAME COLUMN a TO D")
err("ALTER TABLE every RENAME COLUMN x TO w")
err("ALTER TABLE nosuch RENAME COLUMN a TO q")
st("ALTER TABLE items RENAME COLUMN a TO amount")
st("ALTER TABLE items RENAME c TO ratio")
st("ALTER TABLE items RENAME COLUMN id TO item_id")
st("ALTER TABLE items RENAME COLUMN b TO B")
err("SELECT a FROM items")
q("SELECT item_id, amount, B, ratio FROM items")
q("SELECT item_id FROM items WHERE amount >= 5")
err("INSERT INTO items VALUES(10, 100, 'b10', 1.0, 0)")
err("INSERT INTO items VALUES(10, 1, 'b10', -2.0, 0)")
err("INSERT INTO items VALUES(10, 1, 'b1', 2.0, 0)")
st("INSERT INTO items(amount, B, ratio, d) VALUES(4, 'b10', 2.5, 1)")
q("SELECT item_id, amount FROM items WHERE B = 'b10'")
st("UPDATE items SET amount = amount + 1 WHERE item_id <= 2")
q("SELECT item_id, amount FROM items WHERE item_id <= 3")
st("ALTER TABLE items RENAME COLUMN amount TO Amount")
q("SELECT count(*) FROM items WHERE amount > 3")
st("ALTER TABLE Other2 RENAME COLUMN y TO label")
q("SELECT label FROM Other2 WHERE x = 2")
st("ALTER TABLE seen RENAME COLUMN x TO x2")
q("SELECT * FROM every")
# dropping a column
err("ALTER TABLE items DROP COLUMN nosuch")
err("ALTER TABLE items DROP COLUMN item_id")
err("ALTER TABLE items DROP COLUMN B")
err("ALTER TABLE items DROP COLUMN Amount")
err("ALTER TABLE every DROP COLUMN x")
err("ALTER TABLE nosuch DROP COLUMN x")
st("ALTER TABLE items DROP COLUMN ratio")
q("SELECT * FROM items")
st("INSERT INTO items(Amount, B, d) VALUES(2, 'b11', 2)")
q("SELECT item_id, Amount, B, d FROM items WHERE item_id > 8")
st("ALTER TABLE items DROP d")
q("SELECT * FROM items WHERE Amount = 2")
st("DROP INDEX t_a")
err("ALTER TABLE items DROP COLUMN Amount")
q("SELECT * FROM items")
st("CREATE TABLE pair(p, q, r, UNIQUE (p, q))")
err("ALTER TABLE pair DROP COLUMN p")
st("ALTER TABLE pair DROP COLUMN r")
st("CREATE TABLE uq(p, q, r UNIQUE, s, UNIQUE (q), UNIQUE (r))")
err("ALTER TABLE uq DROP COLUMN q")
err("ALTER TABLE uq DROP COLUMN r")
st("ALTER TABLE uq RENAME COLUMN q TO q2")
err("ALTER TABLE uq DROP COLUMN q2")
st("ALTER TABLE uq DROP COLUMN s")
st("CREATE TABLE ck(u INTEGER, v INTEGER CHECK (v > 0), w INTEGER, CHECK (u < w))")
st("INSERT INTO ck VALUES(1, 2, 3)")
err("ALTER TABLE ck DROP COLUMN u")
err("ALTER TABLE ck DROP COLUMN w")
st("ALTER TABLE ck DROP COLUMN v")
st("INSERT INTO ck VALUES(4, 5)")
err("INSERT INTO ck VALUES(6, 5)")
q("SELECT * FROM ck")
st("CREATE TABLE single(only_one)")
err("ALTER TABLE single DROP COLUMN only_one")
st("CREATE TABLE src(k INTEGER, m INTEGER, n TEXT)")
st("INSERT INTO src VALUES(1, 10, 'x'), (2, 20, 'y')")
st("CREATE VIEW src_m AS SELECT k, m FROM src")
err("ALTER TABLE src DROP COLUMN m")
st("ALTER TABLE src DROP COLUMN n")
q("SELECT * FROM src_m")
st("CREATE TABLE log(what TEXT)")
st("CREATE TRIGGER src_log AFTER INSERT ON src BEGIN INSERT INTO log VALUES('k=' || new.k); END")
st("CREATE TABLE mm(e INTEGER, f INTEGER, g INTEGER)")
st("CREATE TRIGGER mm_log AFTER UPDATE ON mm BEGIN INSERT INTO log VALUES('f=' || new.f); END")
err("ALTER TABLE mm DROP COLUMN f")
st("ALTER TABLE mm DROP COLUMN g")
st("ALTER TABLE mm RENAME COLUMN e TO e2")
st("INSERT INTO mm VALUES(1, 2)")
st("UPDATE mm SET f = 3")
st("DROP VIEW src_m")
st("ALTER TABLE src RENAME TO source_rows")
st("INSERT INTO source_rows VALUES(3, 30)")
q("SELECT what FROM log")
write(directory + '/alter_table.test')

start("# REINDEX [name] and DROP INDEX [IF EXISTS]: expected results from python3's sqlite3 (SQLite 3.40.1).\n"
      "# Written by src/test/slt-gen/ddl.py.")
st("CREATE TABLE t(a INTEGER, b TEXT)")
st("INSERT INTO t VALUES(1, 'x'), (2, 'y'), (3, 'x')")
st("CREATE INDEX t_b ON t(b)")
st("CREATE VIEW v AS SELECT a FROM t")
st("REINDEX")
st("REINDEX t")
st("REINDEX t_b")
st("REINDEX T_B")
st("REINDEX nocase")
st("REINDEX BINARY")
st("REINDEX rtrim")
err("REINDEX nosuch")
st("REINDEX v")
q("SELECT a FROM t WHERE b = 'x'")
err("DROP INDEX nosuch")
st("DROP INDEX IF EXISTS nosuch")
st("DROP INDEX IF EXISTS t_b")
err("DROP INDEX t_b")
err("REINDEX t_b")
st("CREATE INDEX t_b ON t(b)")
st("DROP INDEX t_b")
q("SELECT a FROM t WHERE b = 'x'")
st("CREATE TABLE k(a PRIMARY KEY, b UNIQUE, c)")
err("DROP INDEX sqlite_autoindex_k_1")
err("DROP INDEX SQLITE_AUTOINDEX_K_2")
err("DROP INDEX IF EXISTS sqlite_autoindex_k_2")
err("DROP INDEX sqlite_autoindex_k_3")
st("DROP INDEX IF EXISTS sqlite_autoindex_k_3")
err("CREATE INDEX sqlite_autoindex_k_3 ON k(c)")
err("CREATE INDEX sqlite_c ON k(c)")
err("CREATE TABLE sqlite_k(x)")
err("CREATE VIEW sqlite_v AS SELECT 1")
st("REINDEX sqlite_autoindex_k_1")
st("INSERT INTO k VALUES(1, 1, 1)")
err("INSERT INTO k VALUES(1, 2, 2)")
err("INSERT INTO k VALUES(2, 1, 2)")
st("CREATE UNIQUE INDEX k_c ON k(c)")
err("INSERT INTO k VALUES(3, 3, 1)")
st("DROP INDEX k_c")
st("INSERT INTO k VALUES(3, 3, 1)")
st("ALTER TABLE k RENAME TO k2")
err("DROP INDEX sqlite_autoindex_k2_1")
err("DROP INDEX sqlite_autoindex_k_1")
err("INSERT INTO k2 VALUES(4, 1, 4)")
q("SELECT a, b, c FROM k2")
st("CREATE TABLE k(x)")
err("DROP INDEX sqlite_autoindex_k_1")
st("CREATE TABLE r(id INTEGER PRIMARY KEY, u UNIQUE)")
err("DROP INDEX sqlite_autoindex_r_1")
err("DROP INDEX sqlite_autoindex_r_2")
st("DROP TABLE k2")
err("DROP INDEX sqlite_autoindex_k2_1")
write(directory + '/reindex.test')

start("# Column defaults that are not one value (CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIME, (datetime('now')),\n"
      "# (random())): evaluated for each inserted row, the clock once per statement. Expected results from\n"
      "# python3's sqlite3 (SQLite 3.40.1), written by src/test/slt-gen/ddl.py; the queries look at the\n"
      "# values' shape and agreement, not at the time itself.")
st("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT DEFAULT CURRENT_TIMESTAMP, b TEXT DEFAULT CURRENT_DATE, "
   "c TEXT DEFAULT CURRENT_TIME, d DEFAULT (datetime('now')), r INTEGER DEFAULT (random()), k INTEGER DEFAULT (abs(-3)))")
st("INSERT INTO t(id) VALUES(1), (2), (3)")
st("INSERT INTO t(id, d) SELECT 4, CURRENT_TIMESTAMP")
st("INSERT INTO t DEFAULT VALUES")
q("SELECT count(DISTINCT a), count(DISTINCT b) FROM t WHERE id <= 3")
q("SELECT id, a = b || ' ' || c, a = d, length(a), length(b), length(c), typeof(a), typeof(r), k FROM t")
q("SELECT count(DISTINCT r) FROM t")
err("ALTER TABLE t ADD COLUMN e TEXT DEFAULT CURRENT_TIMESTAMP")
err("ALTER TABLE t ADD COLUMN e INTEGER DEFAULT (random())")
st("ALTER TABLE t ADD COLUMN e INTEGER DEFAULT 7")
q("SELECT DISTINCT e FROM t")
write(directory + '/defaults.test')
