package io.hyperspatial.core.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hyperspatial.core.json.JsonTree;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.schema.WriteValidator;
import io.hyperspatial.manifold.value.Value;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code properties} member of an export line, typing each value as it is read when the
 * line's entity type is already known (the export writes {@code type} before {@code properties}):
 * no map of raw values per line, and no second pass over it. A value is taken here only if it
 * certainly passes storage's rules for its property (declared, of a convertible form, finite,
 * storable); anything else (an undeclared property, a value of the wrong form, NaN, a type not
 * yet known) is kept raw for {@link ExportLines} to convert and report exactly as it always has,
 * so a bad row names the same line, member and reason as before. Stateless.
 */
final class ExportProperties {
    private ExportProperties() {
    }

    /**
     * Reads the object at the parser's current token, typed by {@code type} (null: not known yet,
     * everything raw); leaves the parser on its last token. Returns the members in the order of
     * their first occurrence with the value given last (as {@link JsonTree} reads an object), each
     * either a {@link Value} already converted and checked against storage's rules or still raw
     * (never a {@link Value}) for the caller to convert and check. A value that is not an object
     * is refused as {@link JsonTree#object} refuses it.
     */
    static Map<String, Object> read(JsonParser p, EntityType type) throws IOException {
        if (type == null || !p.isExpectedStartObjectToken()) {
            return JsonTree.object(JsonTree.read(p), "properties");
        }
        Map<String, Object> members = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Object raw = JsonTree.read(p);
            PropertyDef def = type.properties().get(name);
            Value v = def == null ? null : checked(type, def, raw);
            members.put(name, v != null ? v : raw);
        }
        return members;
    }

    /** Whether every member of {@link #read}'s result is typed and checked. */
    static boolean allTyped(Map<String, Object> members) {
        for (Object v : members.values()) {
            if (!(v instanceof Value)) {
                return false;
            }
        }
        return true;
    }

    /** The value of {@code raw} for {@code def} if it certainly passes storage's rules, else null. */
    private static Value checked(EntityType type, PropertyDef def, Object raw) {
        Value v;
        try {
            v = ImportValues.value(raw, def.type());
        } catch (IllegalArgumentException e) {
            return null;
        }
        return switch (v) {
            case null -> Value.NULL;
            case Value.StringValue s -> v;
            case Value.IntValue i -> v;
            case Value.BoolValue b -> v;
            case Value.FloatValue f -> Double.isFinite(f.value()) ? v : null;
            default -> {
                try {
                    WriteValidator.property(type, def, v);
                    yield v;
                } catch (ManifoldException e) {
                    yield null;
                }
            }
        };
    }
}
