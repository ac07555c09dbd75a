"""Writes slt/row_values.test with SQLite 3.40.1's own answers (python3's sqlite3).
Run from the repository root: python3 hyperql/src/test/slt-gen/row_values.py hyperql/src/test/resources/slt/row_values.test"""
import random
import sys
from sqlite_answers import Recorder
recorder = Recorder("# Row values (a, b, ...): comparisons, IS, BETWEEN, IN lists and IN subqueries,\n# UPDATE ... SET (a, b) = (...). Expected results from SQLite 3.40.1 (python3's sqlite3).\n\n")
out, st, err, q = recorder.out, recorder.st, recorder.err, recorder.q
st("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, c TEXT)")
random.seed(7)
for i in range(40):
    a = random.choice([None, 1, 2, 3, 4])
    b = random.choice([None, 1, 2, 3])
    c = random.choice(['x', 'y', None, '2'])
    st(f"INSERT INTO t(a, b, c) VALUES({'NULL' if a is None else a}, {'NULL' if b is None else b}, {'NULL' if c is None else repr(c)})")
st("CREATE TABLE u(x INTEGER, y INTEGER)")
for i in range(12):
    x = random.choice([None, 1, 2, 3]); y = random.choice([None, 1, 2, 3])
    st(f"INSERT INTO u VALUES({'NULL' if x is None else x}, {'NULL' if y is None else y})")

consts = ['(1, 2)', '(2, NULL)', '(NULL, 1)', '(3, 3)', '(2, 1)']
for op in ['=', '==', '<>', '!=', '<', '<=', '>', '>=', 'IS', 'IS NOT']:
    for k in consts:
        q(f"SELECT id, (a, b) {op} {k} FROM t")
        q(f"SELECT count(*) FROM t WHERE (a, b) {op} {k}")
for k1, k2 in [('(1, 2)', '(3, 1)'), ('(2, NULL)', '(3, 3)'), ('(1, 1)', '(NULL, 2)')]:
    q(f"SELECT id, (a, b) BETWEEN {k1} AND {k2}, (a, b) NOT BETWEEN {k1} AND {k2} FROM t")
q("SELECT id, (a, b) IN ((1, 2), (3, NULL), (2, 2)), (a, b) NOT IN ((1, 2), (3, NULL)) FROM t")
q("SELECT (1, 2) IN (), (1, 2) NOT IN ()")
q("SELECT id, (a, b) IN (SELECT x, y FROM u), (a, b) NOT IN (SELECT x, y FROM u) FROM t")
q("SELECT id, (a, b) IN (SELECT x, y FROM u WHERE x IS NOT NULL AND y IS NOT NULL) FROM t")
q("SELECT id, (a, b) IN (SELECT x, y FROM u WHERE x > 5) FROM t")
q("SELECT id FROM t WHERE (b, a) IN (SELECT x, y FROM u)")
q("SELECT id FROM t WHERE (a, b) NOT IN (SELECT x, y FROM u)")
q("SELECT id, (a, b) IN (SELECT x, y FROM u WHERE u.x = t.b) FROM t")
q("SELECT id, (a, c) IN (VALUES (1, 'x'), (2, '2'), (3, NULL)) FROM t")
q("SELECT id, (a, 1) IN (SELECT x, y FROM u) FROM t WHERE c = '2'")
q("SELECT (1, 'a', 2.5) = (1, 'a', 2.5), (1, 'a', 2.5) < (1, 'b', 0), (1, 2, 3) >= (1, 2, 4)")
q("SELECT ((1, 2) = (1, 2)) + 1")
q("SELECT id FROM t WHERE (a, b) > (2, 1) AND (a, b) < (4, 2)")
q("SELECT id, c FROM t WHERE (c, a) = ('2', 2)", 'IT')
# affinity: text '2' in an INTEGER column vs integer 2
q("SELECT id FROM t WHERE (a, b) = ('2', '1')")
q("SELECT id FROM t WHERE (c, b) = (2, 1)")
q("SELECT CASE WHEN (a, b) = (1, 1) THEN 'one' WHEN (a, b) < (3, 0) THEN 'low' ELSE 'high' END, count(*) FROM t GROUP BY 1", 'TI')
st("UPDATE t SET (a, b) = (b, a) WHERE c = 'x'")
q("SELECT id, a, b FROM t")
st("UPDATE t SET (b, c) = (b + 10, c || '!'), a = 0 WHERE (a, b) = (2, 2)")
q("SELECT id, a, b, c FROM t", 'IIIT')
for bad in ["SELECT (1, 2)", "SELECT (1, 2) = (1, 2, 3)", "SELECT (1, 2) + 1", "SELECT (1, 2) IN (SELECT 1)",
            "SELECT 1 IN (SELECT 1, 2)", "SELECT (1, 2) = 1", "SELECT count(*) FROM t WHERE (a, b)",
            "UPDATE t SET (a, b) = (1, 2, 3)", "UPDATE t SET (a, b) = 1", "SELECT (1, 2) IN ((1, 2), 3)",
            "SELECT (1, 2) LIKE (1, 2)", "SELECT abs((1, 2))"]:
    err(bad)

# A row value compared with a subquery's row: its first row, NULLs when it has none.
out.append("# A row value compared with a subquery's row (the first row; NULLs when there is none).\n\n")
subs = ["(SELECT x, y FROM u ORDER BY x, y)", "(SELECT x, y FROM u WHERE x IS NOT NULL AND y IS NOT NULL ORDER BY x DESC, y)",
        "(SELECT x, y FROM u WHERE x > 5)", "(SELECT 2, 2)", "(SELECT 2, NULL)"]
for op in ['=', '<>', '<', '<=', '>', '>=', 'IS', 'IS NOT']:
    for sub in subs:
        q(f"SELECT id, (a, b) {op} {sub} FROM t")
    q(f"SELECT count(*) FROM t WHERE (a, b) {op} (SELECT x, y FROM u WHERE x = t.b ORDER BY y)")
    q(f"SELECT id, (a, b) {op} (SELECT x, y FROM u WHERE u.y = t.a ORDER BY x DESC) FROM t")
    q(f"SELECT {sub} {op} (2, 2), (SELECT 1, 2) {op} (SELECT x, y FROM u ORDER BY x DESC, y DESC)")
for k in ['(1, 2)', '(NULL, NULL)', '(2, NULL)']:
    q(f"SELECT {k} = (SELECT 1, 2 WHERE 0), {k} IS (SELECT 1, 2 WHERE 0), {k} IS NOT (SELECT 1, 2 WHERE 0)")
q("SELECT (SELECT 1, 2 WHERE 0) = (SELECT 1, 2 WHERE 0), (SELECT 1, 2 WHERE 0) IS (SELECT NULL, NULL)")
q("SELECT id, (a, b) BETWEEN (SELECT 1, 1) AND (SELECT x, y FROM u WHERE x = 3 ORDER BY y DESC) FROM t")
q("SELECT id, (SELECT 2, 2) NOT BETWEEN (a, b) AND (3, 3) FROM t")
q("SELECT id, (a, c) = (SELECT 2, '2'), (c, a) < (SELECT 2, 3) FROM t", 'III')
q("SELECT (1, '2') = (SELECT x, CAST(y AS TEXT) FROM u WHERE x = 1 AND y = 2), ('1', 2) = (SELECT x, y FROM u WHERE x = 1 AND y = 2)")
q("SELECT a, b, count(*) FROM t GROUP BY a, b HAVING (a, b) <= (SELECT max(x), max(y) FROM u)")
q("SELECT id FROM t WHERE (a, b) = (SELECT a, b FROM t AS t2 WHERE t2.id = t.id + 1)")
q("SELECT (1, 2) = (SELECT 1, 2 UNION ALL SELECT 3, 4), (3, 4) = (SELECT 1, 2 UNION ALL SELECT 3, 4)")
for bad in ["SELECT (1, 2) = (SELECT 1, 2, 3)", "SELECT (SELECT 1, 2) = (1, 2, 3)", "SELECT (SELECT 1, 2) = 1",
            "SELECT 1 = (SELECT 1, 2)", "SELECT (SELECT 1, 2) = (SELECT 1)", "SELECT (SELECT 1, 2) IS NULL",
            "SELECT (SELECT 1, 2) + 1", "SELECT (1, 2) < (SELECT x FROM u)", "SELECT (1, 2) IS (SELECT x, y, x FROM u)"]:
    err(bad)
open(sys.argv[1] if len(sys.argv) > 1 else 'row_values.test', 'w').write("".join(out))
print(len(out))
