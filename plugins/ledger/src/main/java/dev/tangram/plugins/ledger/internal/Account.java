package dev.tangram.plugins.ledger.internal;

/**
 * One account of the chart.
 *
 * @param postableFlag  what the chart says; an account with children is never postable anyway
 * @param partyRequired lines on it must name a party (receivables, payables, advances)
 */
record Account(String code, String name, AccountType type, boolean postableFlag, boolean partyRequired) {}
