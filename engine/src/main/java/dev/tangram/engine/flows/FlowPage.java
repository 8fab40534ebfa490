package dev.tangram.engine.flows;

import java.util.List;

/** One page of a flow list with the total count, pages counted from 1. */
public record FlowPage<T>(List<T> items, long total, int page, int size) {}
