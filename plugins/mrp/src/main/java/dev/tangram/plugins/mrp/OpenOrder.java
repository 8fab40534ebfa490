package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An open purchase order line or work order. Its open quantity ({@code qty - received}) is a firm
 * scheduled receipt while the order is confirmed, partially received or released; drafts, RFQs,
 * cancelled and closed orders are not supply. MRP never moves a scheduled receipt.
 *
 * @param no       document number, informative
 * @param kind     {@code purchase} or {@code workOrder}, informative
 * @param item     item code
 * @param qty      ordered (or planned) quantity
 * @param received quantity received (or produced) so far; 0 when absent
 * @param dueDate  expected receipt day; before period 1 it is received in period 1
 * @param period   bucket, when given instead of a due date
 * @param status   document status
 * @param supplier informative
 */
public record OpenOrder(
    @Nullable String no,
    @JsonAlias("type") @Nullable String kind,
    String item,
    BigDecimal qty,
    @JsonAlias("produced") @Nullable BigDecimal received,
    @Nullable LocalDate dueDate,
    @Nullable Integer period,
    String status,
    @Nullable String supplier) {

  public OpenOrder {
    if (received == null) {
      received = BigDecimal.ZERO;
    }
  }

  /** Whether the order's open quantity is firm supply. */
  public boolean isFirmSupply() {
    return switch (DocumentStatus.normalised(status)) {
      case "confirmed", "partiallyreceived", "released", "inprogress", "partiallyproduced" -> true;
      default -> false;
    };
  }

  /** Ordered minus received, never below zero. */
  public BigDecimal openQty() {
    return qty.subtract(received).max(BigDecimal.ZERO);
  }
}
