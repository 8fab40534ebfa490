package dev.tangram.plugins.ledger.internal;

import java.math.BigDecimal;

/** A quantity with its value, from one source document: a FIFO layer or an issued slice. */
record Layer(BigDecimal qty, BigDecimal value, String source) {}
