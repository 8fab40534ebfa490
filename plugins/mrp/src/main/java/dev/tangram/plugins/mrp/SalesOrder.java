package dev.tangram.plugins.mrp;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A sales-order line. Its open quantity ({@code qty - delivered}) is demand only while the order is
 * confirmed or partially delivered; drafts, cancelled and delivered orders are not.
 *
 * @param no        document number, informative
 * @param item      item code
 * @param qty       ordered quantity
 * @param delivered quantity already delivered; 0 when absent
 * @param dueDate   requested delivery day; before period 1 it is past-due demand in period 1
 * @param period    bucket, when given instead of a due date
 * @param status    document status
 * @param customer  informative
 */
public record SalesOrder(
    @Nullable String no,
    String item,
    BigDecimal qty,
    @Nullable BigDecimal delivered,
    @Nullable LocalDate dueDate,
    @Nullable Integer period,
    String status,
    @Nullable String customer) {

  public SalesOrder {
    if (delivered == null) {
      delivered = BigDecimal.ZERO;
    }
  }

  /** Whether the order's open quantity is demand. */
  public boolean isOpenDemand() {
    return switch (DocumentStatus.normalised(status)) {
      case "confirmed", "partiallydelivered", "partiallyshipped" -> true;
      default -> false;
    };
  }

  /** Ordered minus delivered, never below zero. */
  public BigDecimal openQty() {
    return qty.subtract(delivered).max(BigDecimal.ZERO);
  }
}
