package io.hyperspatial.hyperql.source;

/**
 * A stored row trigger: its name, the table it watches and its {@code CREATE TRIGGER} statement as
 * written. The source keeps the text; the engine parses it when it plans a write of the table.
 *
 * @param name  the trigger name
 * @param table the table whose INSERT, UPDATE or DELETE fires it
 * @param sql   the whole CREATE TRIGGER statement
 */
public record TriggerDefinition(String name, String table, String sql) {
}
