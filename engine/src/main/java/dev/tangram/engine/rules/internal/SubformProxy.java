package dev.tangram.engine.rules.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Subform rows seen from a script: an array of rows ({@code lines[0].qty}, {@code lines.length}, {@code lines.map})
 * that also answers a column key with that column as an array, so Excel-style {@code SUM(lines.sum)} works.
 */
final class SubformProxy implements ProxyArray, ProxyObject {

    private final List<?> rows;
    /** Columns are built once per proxy: a plan shares one proxy across all formulas of a record. */
    private final Map<String, Object> columns = new HashMap<>();

    SubformProxy(List<?> rows) {
        this.rows = rows;
    }

    List<?> rows() {
        return rows;
    }

    @Override
    public Object get(long index) {
        return new RowProxy((Map<?, ?>) rows.get(Math.toIntExact(index)));
    }

    @Override
    public void set(long index, Value value) {
        throw new UnsupportedOperationException("Subform rows are read-only in scripts");
    }

    @Override
    public long getSize() {
        return rows.size();
    }

    @Override
    public Object getMember(String column) {
        return columns.computeIfAbsent(column, this::column);
    }

    private Object column(String column) {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) values[i] = GuestValues.toGuest(((Map<?, ?>) rows.get(i)).get(column));
        return ProxyArray.fromArray(values);
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromArray(rows.isEmpty() ? new Object[0] : ((Map<?, ?>) rows.get(0)).keySet().toArray());
    }

    @Override
    public boolean hasMember(String column) {
        return rows.stream().anyMatch(row -> ((Map<?, ?>) row).containsKey(column));
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("Subform rows are read-only in scripts");
    }
}
