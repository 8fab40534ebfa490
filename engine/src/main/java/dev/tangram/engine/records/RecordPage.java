package dev.tangram.engine.records;

import java.util.List;

/** A page of a query's result with the total number of matching records. */
public record RecordPage(List<Record> items, long total, int page, int size) {}
