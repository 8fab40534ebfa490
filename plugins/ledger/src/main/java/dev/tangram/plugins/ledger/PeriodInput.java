package dev.tangram.plugins.ledger;

/** Input of {@code closePeriod} and {@code reopenPeriod}: the month, {@code yyyy-MM}. */
public record PeriodInput(String period) {}
