package dev.tangram.plugins.ledger.internal;

import java.util.Locale;

/** The six account classes of the Chinese charts; income and expense are carried to 3103. */
enum AccountType {
  ASSET, LIABILITY, EQUITY, COST, INCOME, EXPENSE;

  boolean isProfitAndLoss() {
    return this == INCOME || this == EXPENSE;
  }

  static AccountType parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }

  /** By the first digit of a 小企业会计准则 code, for accounts given without a type. */
  static AccountType fromCode(String code) {
    return switch (code.charAt(0)) {
      case '1' -> ASSET;
      case '2' -> LIABILITY;
      case '3' -> EQUITY;
      case '4' -> COST;
      default -> code.startsWith("50") || code.startsWith("51") || code.startsWith("53")
          ? INCOME : EXPENSE;
    };
  }
}
