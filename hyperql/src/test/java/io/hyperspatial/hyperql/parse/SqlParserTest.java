package io.hyperspatial.hyperql.parse;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.ast.Select;
import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSyntaxException;
import io.hyperspatial.hyperql.error.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SqlParserTest {

    @Test
    void aSyntaxErrorNamesLineColumnTheTokenAndWhatWasExpected() {
        HqlSyntaxException e = catchThrowableOfType(HqlSyntaxException.class,
                () -> SqlParser.parseStatement("SELECT a\nFROM t WHERE a = = 1"));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_SYNTAX);
        assertThat(e.position()).isEqualTo(new SourcePosition(2, 18));
        assertThat(e.getMessage()).startsWith("syntax error near '=': expected ").endsWith(" at 2:18");
    }

    @Test
    void aMissingTokenAtTheEndSaysWhatWasExpected() {
        HqlSyntaxException e = catchThrowableOfType(HqlSyntaxException.class,
                () -> SqlParser.parseStatement("CREATE TABLE t(a INTEGER"));

        assertThat(e.getMessage()).isEqualTo("syntax error near end of input: expected one of ',', ')' at 1:25");
        assertThat(e.position()).isEqualTo(new SourcePosition(1, 25));
    }

    @Test
    void keywordsAreCaseInsensitiveAndIdentifiersMayBeQuoted() {
        Statement s = SqlParser.parseStatement("select \"my col\", [x], `y` from T1 where A between 1 and 2 and b");

        Select.QuerySpec q = (Select.QuerySpec) ((Statement.Query) s).select().cores().get(0);
        assertThat(q.items()).extracting(i -> ((Expr.ColumnName) ((Select.ExprItem) i).expr()).name())
                .containsExactly("my col", "x", "y");
        Expr.Binary where = (Expr.Binary) q.where();
        assertThat(where.operator()).isEqualTo("AND");
        assertThat(where.left()).isInstanceOf(Expr.Between.class);
    }

    @Test
    void precedenceFollowsSqlite() {
        Expr e = where("SELECT 1 FROM t WHERE NOT a = 1 OR b || 'x' = 'y' AND c");

        Expr.Binary or = (Expr.Binary) e;
        assertThat(or.operator()).isEqualTo("OR");
        assertThat(or.left()).isInstanceOf(Expr.Unary.class);
        Expr.Binary and = (Expr.Binary) or.right();
        assertThat(and.operator()).isEqualTo("AND");
        Expr.Binary eq = (Expr.Binary) and.left();
        assertThat(((Expr.Binary) eq.left()).operator()).isEqualTo("||");
    }

    @Test
    void parametersAreNumberedByFirstAppearanceAndNamesShareTheirSlot() {
        Expr e = where("SELECT 1 FROM t WHERE a = ? AND b = $name AND c = ? AND d = $NAME");

        List<Expr.Parameter> params = new java.util.ArrayList<>();
        collect(e, params);
        assertThat(params).extracting(Expr.Parameter::ordinal).containsExactly(0, 1, 2, 1);
    }

    @Test
    void scriptsSplitOnSemicolonsAndMinusZeroTwoToTheSixtyThreeIsAnInteger() {
        List<Statement> script = SqlParser.parseScript("CREATE TABLE t(a); ; INSERT INTO t VALUES(-9223372036854775808);");

        assertThat(script).hasSize(2);
        Statement.Insert insert = (Statement.Insert) script.get(1);
        Select.Values values = (Select.Values) insert.source().cores().get(0);
        assertThat(((Expr.Literal) values.rows().get(0).get(0)).value()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void vectorColumnsCarryDimensionsAndMetric() {
        Statement.CreateTable t = (Statement.CreateTable) SqlParser.parseStatement(
                "CREATE TABLE docs(id INTEGER PRIMARY KEY, emb VECTOR(3, cosine), raw VECTOR(2))");

        assertThat(t.columns().get(1).type().dimensions()).isEqualTo(3);
        assertThat(t.columns().get(1).type().metric()).isEqualTo("cosine");
        assertThat(t.columns().get(2).type().metric()).isEqualTo("l2");
        assertThat(t.columns().get(0).primaryKey()).isTrue();
    }

    private static Expr where(String sql) {
        Statement.Query q = (Statement.Query) SqlParser.parseStatement(sql);
        return ((Select.QuerySpec) q.select().cores().get(0)).where();
    }

    private static void collect(Expr e, List<Expr.Parameter> out) {
        if (e instanceof Expr.Parameter p) {
            out.add(p);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        }
    }
}
