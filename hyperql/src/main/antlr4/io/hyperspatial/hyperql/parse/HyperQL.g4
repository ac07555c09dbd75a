/*
 * HyperQL: the SQL core (SQLite dialect) with room for the vector, graph, stream and function
 * extensions of later issues. Expressions are written as one rule per precedence level (lowest
 * first) so that operands such as BETWEEN's bounds are parsed at the right level.
 */
grammar HyperQL;

options { caseInsensitive = true; }

script : ';'* (statement (';'+ statement)*)? ';'* EOF ;

statement
    : EXPLAIN statement                                                   # explainStatement
    | createTable                                                         # createTableStatement
    | createIndex                                                         # createIndexStatement
    | createView                                                          # createViewStatement
    | createTrigger                                                       # createTriggerStatement
    | DROP kind=(TABLE | INDEX | VIEW | TRIGGER) (IF EXISTS)? qualifiedName  # dropStatement
    | alterVectorIndex                                                    # alterVectorIndexStatement
    | ALTER TABLE table=qualifiedName ADD COLUMN? columnDef                # addColumnStatement
    | ALTER TABLE table=qualifiedName RENAME TO newName=identifier         # renameTableStatement
    | ALTER TABLE table=qualifiedName RENAME COLUMN? column=identifier TO newName=identifier  # renameColumnStatement
    | ALTER TABLE table=qualifiedName DROP COLUMN? column=identifier       # dropColumnStatement
    | REINDEX qualifiedName?                                              # reindexStatement
    | insert                                                              # insertStatement
    | update                                                              # updateStatement
    | delete                                                              # deleteStatement
    | select                                                              # selectStatement
    | graphStatement                                                      # graphStatementStatement
    | reposition                                                          # repositionStatement
    ;

// ---- DDL ----

createTable
    : CREATE (TEMP | TEMPORARY)? TABLE (IF NOT EXISTS)? qualifiedName
      ( '(' columnDef (',' columnDef)* (',' tableConstraint)* ')' | AS select )
    ;

columnDef : identifier typeName? columnConstraint* ;

typeName
    : VECTOR '(' dimensions=INTEGER_LITERAL (',' metric=identifier)? ')'
      (WITH '(' vectorIndexOption (',' vectorIndexOption)* ')')?
    | identifier+ ('(' signedNumber (',' signedNumber)? ')')?
    ;

// an option of a vector column's index: m = 32, quantization = 'int8'
vectorIndexOption : name=identifier '=' (INTEGER_LITERAL | STRING_LITERAL | word=identifier) ;

// changes the index settings of a vector column (PostgreSQL's ALTER COLUMN ... SET (attribute options))
alterVectorIndex
    : ALTER TABLE table=qualifiedName ALTER COLUMN? column=identifier
      SET '(' vectorIndexOption (',' vectorIndexOption)* ')'
    ;

columnConstraint : (CONSTRAINT constraintName=identifier)? columnConstraintBody ;

columnConstraintBody
    : PRIMARY KEY (ASC | DESC)? AUTOINCREMENT?                            # primaryKeyConstraint
    | NOT NULL                                                            # notNullConstraint
    | NULL                                                                # nullableConstraint
    | UNIQUE                                                              # uniqueConstraint
    | DEFAULT (signedNumber | literal | '(' expr ')')                      # defaultConstraint
    | CHECK '(' expr ')'                                                  # checkConstraint
    | COLLATE identifier                                                  # collateConstraint
    | REFERENCES identifier ('(' identifierList ')')?                     # referencesConstraint
    ;

tableConstraint
    : (CONSTRAINT constraintName=identifier)?
      ( PRIMARY KEY '(' indexedColumn (',' indexedColumn)* ')'
      | UNIQUE '(' indexedColumn (',' indexedColumn)* ')'
      | CHECK '(' expr ')'
      | FOREIGN KEY '(' identifierList ')' REFERENCES identifier ('(' identifierList ')')?
      )
    ;

createIndex
    : CREATE UNIQUE? INDEX (IF NOT EXISTS)? name=qualifiedName ON table=qualifiedName
      '(' indexedColumn (',' indexedColumn)* ')' (WHERE expr)?
    ;

indexedColumn : identifier (COLLATE identifier)? (ASC | DESC)? ;

createView
    : CREATE (TEMP | TEMPORARY)? VIEW (IF NOT EXISTS)? qualifiedName ('(' identifierList ')')? AS select
    ;

// SQLite's row triggers; the body's statements see the changed row as NEW and OLD
createTrigger
    : CREATE (TEMP | TEMPORARY)? TRIGGER (IF NOT EXISTS)? name=qualifiedName
      (timing=(BEFORE | AFTER) | INSTEAD OF)?
      (event=DELETE | event=INSERT | event=UPDATE (OF identifierList)?) ON table=qualifiedName
      (FOR EACH ROW)? (WHEN when=expr)?
      BEGIN (triggerStep ';')+ END
    ;

triggerStep : insert | update | delete | select ;

// ---- DML ----

insert
    : (INSERT (OR conflict=(REPLACE | IGNORE | ABORT | FAIL | ROLLBACK))? | REPLACE) INTO qualifiedName
      ('(' identifierList ')')? (select | DEFAULT VALUES)
    ;

update
    : UPDATE (OR conflict=(REPLACE | IGNORE | ABORT | FAIL | ROLLBACK))? qualifiedName
      SET assignment (',' assignment)* (WHERE expr)?
    ;

assignment
    : identifier '=' expr
    | '(' identifierList ')' '=' expr    // SET (a, b) = (x, y): a row value of the same width
    ;

delete : DELETE FROM qualifiedName (WHERE expr)? ;

// ---- SELECT ----

select : withClause? selectCore (compoundOperator selectCore)* orderBy? limit? ;

// Common table expressions: named queries visible to the whole statement, expanded where named.
withClause : WITH RECURSIVE? commonTable (',' commonTable)* ;

commonTable : identifier ('(' identifierList ')')? AS '(' select ')' ;

compoundOperator : UNION ALL? | INTERSECT | EXCEPT ;

selectCore
    : SELECT (DISTINCT | ALL)? resultColumn (',' resultColumn)*
      (FROM from)? (WHERE where=expr)?
      (GROUP BY expr (',' expr)*)? (HAVING having=expr)?                   # querySpecification
    | VALUES valuesRow (',' valuesRow)*                                   # valuesClause
    ;

valuesRow : '(' expr (',' expr)* ')' ;

resultColumn
    : '*'                                                                 # allColumns
    | identifier '.' '*'                                                  # tableColumns
    | expr (AS? alias=identifier)?                                        # exprColumn
    ;

from : tableSource (join)* ;

join
    : ','                                        tableSource              # commaJoin
    | joinKind? JOIN tableSource joinConstraint?                          # explicitJoin
    ;

joinKind : NATURAL? (LEFT OUTER? | INNER | CROSS) | NATURAL ;

joinConstraint
    : ON expr                                                             # onConstraint
    | USING '(' identifierList ')'                                        # usingConstraint
    ;

tableSource
    : qualifiedName (AS? alias=identifier)?                              # namedTable
    | '(' select ')' (AS? alias=identifier)?                              # subqueryTable
    | '(' from ')'                                                        # nestedFrom
    | graphPattern                                                        # graphSource
    ;

orderBy : ORDER BY orderingTerm (',' orderingTerm)* ;

orderingTerm : expr (COLLATE identifier)? (ASC | DESC)? (NULLS (FIRST | LAST))? ;

limit : LIMIT expr ((OFFSET | ',') expr)? ;

// ---- positions: REPOSITION [GRAPH | EMBEDDING | PROPERTY] option* ----

reposition : REPOSITION kind=(GRAPH | EMBEDDING | PROPERTY)? repositionOption* ;

repositionOption
    : USING EDGE TYPE identifier (',' identifier)*                        # repositionEdgeTypes
    | FROM identifier                                                     # repositionField
    | DIMENSIONS INTEGER_LITERAL                                          # repositionDimensions
    | EPOCHS INTEGER_LITERAL                                              # repositionEpochs
    | SEED minus='-'? INTEGER_LITERAL                                     # repositionSeed
    ;

// ---- graph: edge types, edges, MATCH patterns ----

graphStatement
    : CREATE EDGE TYPE (IF NOT EXISTS)? identifier                        # createEdgeType
    | DROP EDGE TYPE (IF EXISTS)? identifier                              # dropEdgeType
    | INSERT EDGE identifier edgeEnds (WEIGHT expr)?                      # insertEdge
    | DELETE EDGE identifier edgeEnds                                     # deleteEdge
    ;

edgeEnds
    : FROM source=rowReference TO target=rowReference                           # singleEdgeEnds
    | FROM fromTable=qualifiedName TO toTable=qualifiedName select        # queryEdgeEnds
    ;

rowReference : qualifiedName '(' expr ')' ;

// The bracket of an edge, [var:type*min..max], lexes as one QUOTED_IDENTIFIER; AstBuilder reads it.
graphPattern : (MATCH | SHORTEST WEIGHTED? PATH) nodePattern (edgePattern nodePattern)* ;

nodePattern : '(' identifier? nodeLabel? ')' ;

nodeLabel : NAMED_PARAMETER | ':' identifier ;

edgePattern
    : '-' QUOTED_IDENTIFIER '-' '>'                                        # outgoingEdge
    | '<' '-' QUOTED_IDENTIFIER '-'                                        # incomingEdge
    | '-' QUOTED_IDENTIFIER '-'                                            # undirectedEdge
    ;

// ---- expressions, lowest precedence first ----

expr : orExpr ;

orExpr : andExpr (OR andExpr)* ;

andExpr : notExpr (AND notExpr)* ;

notExpr : NOT notExpr | equality ;

equality : comparison equalityTail* ;

equalityTail
    : op=('=' | '==' | '!=' | '<>') comparison                             # equalsTail
    | IS NOT? (DISTINCT FROM)? comparison                                 # isTail
    | NOT? IN '(' (select | expr (',' expr)*)? ')'                         # inTail
    | NOT? IN qualifiedName                                               # inTableTail
    | NOT? op=(LIKE | GLOB) comparison (ESCAPE comparison)?                # likeTail
    | NOT? BETWEEN comparison AND comparison                              # betweenTail
    | (ISNULL | NOTNULL | NOT NULL)                                       # nullTestTail
    | NEAR comparison WITHIN comparison                                   # nearTail
    ;

comparison : bitwise (op=('<' | '<=' | '>' | '>=') bitwise)* ;

bitwise : distance (op=('<<' | '>>' | '&' | '|') distance)* ;

distance : additive (op=('<->' | '<=>' | '<#>') additive)* ;

additive : multiplicative (op=('+' | '-') multiplicative)* ;

multiplicative : concat (op=('*' | '/' | '%') concat)* ;

concat : unary ('||' unary)* ;

unary : op=('-' | '+' | '~') unary | postfix ;

postfix : primary (COLLATE identifier)? ;

primary
    : literal                                                             # literalPrimary
    | parameter                                                           # parameterPrimary
    | CASE operand=expr? (WHEN expr THEN expr)+ (ELSE elseExpr=expr)? END  # casePrimary
    | CAST '(' expr AS typeName ')'                                       # castPrimary
    | EXISTS '(' select ')'                                               # existsPrimary
    | '(' select ')'                                                      # subqueryPrimary
    | '(' expr (',' expr)* ')'                                            # parenthesizedPrimary
    | name=identifier '(' ((DISTINCT | ALL)? expr (',' expr)* | star='*')? ')'  # functionPrimary
    | identifier ('.' identifier)?                                        # columnPrimary
    ;

literal
    : INTEGER_LITERAL | REAL_LITERAL | STRING_LITERAL | BLOB_LITERAL | NULL | TRUE | FALSE
    | CURRENT_DATE | CURRENT_TIME | CURRENT_TIMESTAMP
    ;

signedNumber : ('+' | '-')? (INTEGER_LITERAL | REAL_LITERAL) ;

parameter : QUESTION | NAMED_PARAMETER ;

qualifiedName : identifier ('.' identifier)? ;

identifierList : identifier (',' identifier)* ;

// Keywords that may also name a table, a column or a function.
identifier
    : IDENTIFIER | QUOTED_IDENTIFIER
    | KEY | ABORT | FAIL | IGNORE | ROLLBACK | REPLACE | TEMP | TEMPORARY | FIRST | LAST | NULLS
    | VECTOR | ASC | DESC | GLOB | LIKE | AUTOINCREMENT
    | EDGE | TYPE | WEIGHT | WEIGHTED | MATCH | SHORTEST | PATH | TO
    | NEAR | WITHIN | WITH | ALTER | COLUMN | ADD
    | REPOSITION | GRAPH | EMBEDDING | PROPERTY | DIMENSIONS | EPOCHS | SEED
    | TRIGGER | BEFORE | AFTER | INSTEAD | OF | FOR | EACH | ROW | BEGIN | RECURSIVE | RENAME | REINDEX
    ;

// ---- lexer ----

ABORT : 'ABORT' ; ADD : 'ADD' ; ALL : 'ALL' ; AND : 'AND' ; AS : 'AS' ; ASC : 'ASC' ;
AUTOINCREMENT : 'AUTOINCREMENT' ; BETWEEN : 'BETWEEN' ; BY : 'BY' ; CASE : 'CASE' ; CAST : 'CAST' ;
CHECK : 'CHECK' ; COLLATE : 'COLLATE' ; CONSTRAINT : 'CONSTRAINT' ; CREATE : 'CREATE' ;
CROSS : 'CROSS' ; CURRENT_DATE : 'CURRENT_DATE' ; CURRENT_TIME : 'CURRENT_TIME' ;
CURRENT_TIMESTAMP : 'CURRENT_TIMESTAMP' ; DEFAULT : 'DEFAULT' ; DELETE : 'DELETE' ; DESC : 'DESC' ;
DISTINCT : 'DISTINCT' ; DROP : 'DROP' ; ELSE : 'ELSE' ; END : 'END' ; ESCAPE : 'ESCAPE' ;
EXCEPT : 'EXCEPT' ; EXISTS : 'EXISTS' ; EXPLAIN : 'EXPLAIN' ; FAIL : 'FAIL' ; FALSE : 'FALSE' ;
FIRST : 'FIRST' ; FOREIGN : 'FOREIGN' ; FROM : 'FROM' ; GLOB : 'GLOB' ; GROUP : 'GROUP' ;
HAVING : 'HAVING' ; IF : 'IF' ; IGNORE : 'IGNORE' ; IN : 'IN' ; INDEX : 'INDEX' ; INNER : 'INNER' ;
INSERT : 'INSERT' ; INTERSECT : 'INTERSECT' ; INTO : 'INTO' ; IS : 'IS' ; ISNULL : 'ISNULL' ;
JOIN : 'JOIN' ; KEY : 'KEY' ; LAST : 'LAST' ; LEFT : 'LEFT' ; LIKE : 'LIKE' ; LIMIT : 'LIMIT' ;
NATURAL : 'NATURAL' ; NOT : 'NOT' ; NOTNULL : 'NOTNULL' ; NULL : 'NULL' ; NULLS : 'NULLS' ;
OFFSET : 'OFFSET' ; ON : 'ON' ; OR : 'OR' ; ORDER : 'ORDER' ; OUTER : 'OUTER' ; PRIMARY : 'PRIMARY' ;
RECURSIVE : 'RECURSIVE' ; REFERENCES : 'REFERENCES' ; REPLACE : 'REPLACE' ; ROLLBACK : 'ROLLBACK' ; SELECT : 'SELECT' ;
SET : 'SET' ; TABLE : 'TABLE' ; TEMP : 'TEMP' ; TEMPORARY : 'TEMPORARY' ; THEN : 'THEN' ;
TRUE : 'TRUE' ; UNION : 'UNION' ; UNIQUE : 'UNIQUE' ; UPDATE : 'UPDATE' ; USING : 'USING' ;
VALUES : 'VALUES' ; VECTOR : 'VECTOR' ; VIEW : 'VIEW' ; WHEN : 'WHEN' ; WHERE : 'WHERE' ;

// graph keywords (all usable as names too)
EDGE : 'EDGE' ; MATCH : 'MATCH' ; PATH : 'PATH' ; SHORTEST : 'SHORTEST' ; TO : 'TO' ; TYPE : 'TYPE' ;
WEIGHT : 'WEIGHT' ; WEIGHTED : 'WEIGHTED' ;

// radius search (usable as names too)
NEAR : 'NEAR' ; WITHIN : 'WITHIN' ;
// vector index options (usable as names too)
WITH : 'WITH' ; ALTER : 'ALTER' ; COLUMN : 'COLUMN' ;
REPOSITION : 'REPOSITION' ; GRAPH : 'GRAPH' ; EMBEDDING : 'EMBEDDING' ; PROPERTY : 'PROPERTY' ;
DIMENSIONS : 'DIMENSIONS' ; EPOCHS : 'EPOCHS' ; SEED : 'SEED' ;
// triggers (usable as names too)
TRIGGER : 'TRIGGER' ; BEFORE : 'BEFORE' ; AFTER : 'AFTER' ; INSTEAD : 'INSTEAD' ; OF : 'OF' ;
FOR : 'FOR' ; EACH : 'EACH' ; ROW : 'ROW' ; BEGIN : 'BEGIN' ;
// ALTER TABLE ... RENAME and REINDEX (usable as names too)
RENAME : 'RENAME' ; REINDEX : 'REINDEX' ;

QUESTION : '?' ;
NAMED_PARAMETER : [$:@] [A-Z_] [A-Z_0-9]* ;

INTEGER_LITERAL : DIGIT+ | '0X' HEX_DIGIT+ ;
REAL_LITERAL
    : DIGIT+ '.' DIGIT* EXPONENT?
    | '.' DIGIT+ EXPONENT?
    | DIGIT+ EXPONENT
    ;
STRING_LITERAL : '\'' ( ~'\'' | '\'\'' )* '\'' ;
BLOB_LITERAL : 'X' '\'' HEX_DIGIT* '\'' ;
IDENTIFIER : [A-Z_] [A-Z_0-9$]* ;
QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )* '"'
    | '`' ( ~'`' | '``' )* '`'
    | '[' ~']'* ']'
    ;

SINGLE_LINE_COMMENT : '--' ~[\r\n]* -> channel(HIDDEN) ;
MULTILINE_COMMENT : '/*' .*? ( '*/' | EOF ) -> channel(HIDDEN) ;
WHITESPACE : [ \t\r\n\f]+ -> channel(HIDDEN) ;
UNEXPECTED_CHARACTER : . ;

fragment DIGIT : [0-9] ;
fragment HEX_DIGIT : [0-9A-F] ;
fragment EXPONENT : 'E' [+-]? DIGIT+ ;
