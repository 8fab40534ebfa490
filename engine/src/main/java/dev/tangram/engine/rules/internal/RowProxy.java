package dev.tangram.engine.rules.internal;

import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/** A read-only record row seen from a script: members are the row's values, converted on access. */
final class RowProxy implements ProxyObject {

    private final Map<?, ?> row;

    RowProxy(Map<?, ?> row) {
        this.row = row;
    }

    Map<?, ?> row() {
        return row;
    }

    @Override
    public @Nullable Object getMember(String key) {
        return GuestValues.toGuest(row.get(key));
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromArray(row.keySet().stream().map(String::valueOf).toArray());
    }

    @Override
    public boolean hasMember(String key) {
        return row.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("Record values are read-only in scripts: " + key);
    }
}
