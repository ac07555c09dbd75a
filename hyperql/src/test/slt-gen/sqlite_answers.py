"""What the generators share: a Recorder runs each statement on SQLite (python3's sqlite3, an
in-memory database) and records it with SQLite's own answer in sqllogictest form."""
import sqlite3


def fmt(v, t):
    """A value as sqllogictest prints it in a column of type t (I, T or R: reals to 3 decimals)."""
    if v is None: return 'NULL'
    if t == 'R': return '%.3f' % v
    s = str(v)
    return s if s != '' else '(empty)'


class Recorder:
    def __init__(self, header):
        self.con = sqlite3.connect(':memory:')
        self.out = [header]

    def st(self, sql):
        """A statement SQLite runs: 'statement ok'."""
        self.con.execute(sql)
        self.out.append(f"statement ok\n{sql}\n\n")

    def err(self, sql):
        """A statement SQLite refuses: 'statement error' (one it accepts stops the script)."""
        try:
            self.con.execute(sql)
        except Exception:
            self.out.append(f"statement error\n{sql}\n\n")
            return
        raise Exception("no error: " + sql)

    def q(self, sql, types=None, sort='rowsort'):
        """A query and SQLite's rows (types default to all I; rowsort sorts the printed rows)."""
        cur = self.con.execute(sql)
        rows = cur.fetchall()
        types = types or 'I' * len(cur.description)
        vals = [[fmt(v, types[i]) for i, v in enumerate(r)] for r in rows]
        if sort == 'rowsort':
            vals.sort()
        flat = [v for r in vals for v in r]
        self.out.append(f"query {types} {sort}\n{sql}\n----\n" + "".join(v + "\n" for v in flat) + "\n")
