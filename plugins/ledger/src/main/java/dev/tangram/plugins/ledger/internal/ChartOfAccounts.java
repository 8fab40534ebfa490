package dev.tangram.plugins.ledger.internal;

import dev.tangram.plugins.ledger.LedgerRefusedException;
import dev.tangram.plugins.ledger.SimulationInput.AccountInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chart: the shipped 小企业会计准则 (2013) accounts, extended and overridden by the company's
 * own. An account is postable only if flagged so and no other account lies below it (a parent such
 * as 2221 carries only the sums of 222101, 222102).
 */
final class ChartOfAccounts {

  private static final String DEFAULT_CHART = "/dev/tangram/plugins/ledger/chart-small-enterprise-2013.json";

  private final Map<String, Account> accounts;
  private final Set<String> parents = new HashSet<>();
  private final Set<String> declared;
  private final Set<String> explicitlyPostable;

  private ChartOfAccounts(Map<String, Account> accounts, Set<String> declared, Set<String> explicitlyPostable) {
    this.accounts = accounts;
    this.declared = declared;
    this.explicitlyPostable = explicitlyPostable;
    for (String code : accounts.keySet()) {
      for (int len = code.length() - 1; len >= 4; len--) {
        if (accounts.containsKey(code.substring(0, len))) parents.add(code.substring(0, len));
      }
    }
  }

  static ChartOfAccounts standard() {
    try (InputStream in = ChartOfAccounts.class.getResourceAsStream(DEFAULT_CHART)) {
      if (in == null) throw new IllegalStateException("Missing resource " + DEFAULT_CHART);
      List<AccountInput> rows = JsonMapper.builder().build().readValue(in, new TypeReference<>() {});
      return new ChartOfAccounts(new TreeMap<>(), Set.of(), Set.of()).with(rows, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This chart plus the given accounts; they override same-coded ones and count as declared. */
  ChartOfAccounts with(Collection<AccountInput> inputs, boolean declare) {
    Map<String, Account> merged = new TreeMap<>(accounts);
    Set<String> declaredCodes = new HashSet<>(declared);
    // A company that flags an account postable means it, even where the default chart has children.
    Set<String> postable = new HashSet<>(explicitlyPostable);
    for (AccountInput in : inputs) {
      if (in.code() == null || in.code().isBlank()) {
        throw new LedgerRefusedException("invalid_account", "accounts", "An account has no code");
      }
      Optional<Account> base = Optional.ofNullable(accounts.get(in.code()));
      merged.put(in.code(), toAccount(in, base));
      if (declare) declaredCodes.add(in.code());
      if (declare && Boolean.TRUE.equals(in.postable())) postable.add(in.code());
    }
    return new ChartOfAccounts(merged, declaredCodes, postable);
  }

  private static Account toAccount(AccountInput in, Optional<Account> base) {
    String name = in.nameZh() != null ? in.nameZh()
        : in.name() != null ? in.name() : base.map(Account::name).orElse(in.code());
    AccountType type;
    try {
      type = in.type() != null ? AccountType.parse(in.type())
          : base.map(Account::type).orElseGet(() -> AccountType.fromCode(in.code()));
    } catch (IllegalArgumentException e) {
      throw new LedgerRefusedException("invalid_account", "accounts",
          "Account '" + in.code() + "' has unknown type '" + in.type() + "'");
    }
    boolean postable = in.postable() != null ? in.postable() : base.map(Account::postableFlag).orElse(true);
    boolean party = in.partyRequired() != null ? in.partyRequired()
        : base.map(Account::partyRequired).orElse(false);
    return new Account(in.code(), name, type, postable, party);
  }

  Optional<Account> find(String code) {
    return Optional.ofNullable(accounts.get(code));
  }

  Account get(String code) {
    return find(code).orElseThrow(() -> new LedgerRefusedException(
        "unknown_account", "account", "Account '" + code + "' is not in the chart"));
  }

  boolean isPostable(String code) {
    Account account = accounts.get(code);
    return account != null && account.postableFlag()
        && (explicitlyPostable.contains(code) || !parents.contains(code));
  }

  /** Whether the company's own input listed this account (used to pick among candidates). */
  boolean isDeclared(String code) {
    return declared.contains(code);
  }

  Collection<Account> all() {
    return accounts.values();
  }
}
